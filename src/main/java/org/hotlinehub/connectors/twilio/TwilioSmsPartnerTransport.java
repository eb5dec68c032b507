package org.hotlinehub.connectors.twilio;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.AssignmentView;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.OutboxChannel;
import org.hotlinehub.model.OutboxMessage;
import org.hotlinehub.model.SendResult;
import org.hotlinehub.model.port.OutboxSender;
import org.hotlinehub.model.port.SmsOutbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Delivery to partners that work by SMS (volunteers, small firms): the offer becomes a short text that reads like a
 * dispatcher wrote it, with the keywords to answer, queued in the SMS outbox under the delivery's idempotency key (a
 * retried delivery queues nothing twice). The outbox sends it and keeps its delivery status. A partner whose phone
 * opted out is not reachable: the delivery fails and ends as a dead letter rather than silently unsent.
 */
@ApplicationScoped
public class TwilioSmsPartnerTransport implements OutboxSender {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日HH:mm");
    private static final int DESCRIPTION_CHARS = 60;

    @Inject
    ObjectMapper json;
    @Inject
    SmsOutbox outbox;
    @Inject
    ZoneId zone;

    @Override
    public OutboxChannel channel() {
        return OutboxChannel.PARTNER_SMS;
    }

    @Override
    public SendResult send(OutboxMessage request) {
        return sendAll(List.of(request)).get(0);
    }

    /** Queueing a text is a write to the hub's own outbox. */
    @Override
    public boolean handsOnLocally() {
        return true;
    }

    /** Queues the texts of all the deliveries with one statement, in one transaction. */
    @Override
    public List<SendResult> sendAll(List<OutboxMessage> requests) {
        SendResult[] results = new SendResult[requests.size()];
        List<Integer> queued = new ArrayList<>(requests.size());
        List<SmsOutbox.Text> texts = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            OutboxMessage request = requests.get(i);
            AssignmentView assignment;
            try {
                JsonNode body = json.readTree(request.body());
                assignment = json.treeToValue(body.get("assignment"), AssignmentView.class);
            } catch (IOException | IllegalArgumentException e) {
                results[i] = SendResult.retry("SMS delivery body is not an assignment event: " + e.getMessage());
                continue;
            }
            String to = request.address();
            if (to == null || to.isBlank() || assignment == null || assignment.ticket() == null) {
                results[i] = SendResult.retry("SMS delivery to " + request.recipient() + " has no phone or ticket");
                continue;
            }
            queued.add(i);
            texts.add(new SmsOutbox.Text(request.idempotencyKey(), to, text(request.topic(), assignment, zone),
                    "partner-" + request.topic(), assignment.ticket().reference()));
        }
        List<Optional<List<Long>>> ids = texts.isEmpty() ? List.of() : outbox.enqueueAllUnlessOptedOut(texts);
        for (int k = 0; k < queued.size(); k++) {
            OutboxMessage request = requests.get(queued.get(k));
            String to = texts.get(k).to();
            // Opted out: not delivered, retried until the partner's give-up time, then dead-lettered for a supervisor.
            results[queued.get(k)] = ids.get(k)
                    .map(sms -> SendResult.delivered("queued as SMS " + sms + " to " + Masks.phone(to)))
                    .orElseGet(() -> SendResult
                            .retry("the phone of " + request.recipient() + " opted out of SMS (STOP)"));
        }
        return List.of(results);
    }

    /** @param zone the hotline's zone, in which the deadlines are written */
    static String text(String eventType, AssignmentView a, ZoneId zone) {
        DateTimeFormatter when = WHEN.withZone(zone);
        AssignmentView.TicketSummary t = a.ticket();
        String ref = t.reference();
        switch (eventType) {
            case "assignment.offered" -> {
                // the offer text below
            }
            case "assignment.deadline-warning" -> {
                return a.state() == AssignmentState.OFFERED
                        ? "提醒：工单" + ref + "请在" + when.format(a.acceptBy()) + "前回复 Y " + ref + " 接单。"
                        : "提醒：工单" + ref + "请在" + when.format(a.resolveBy()) + "前办结，办完回复 OK " + ref + "。";
            }
            case "assignment.overdue" -> {
                return "工单" + ref + "已超过办结时限（" + when.format(a.resolveBy()) + "），已转主管督办，请尽快办理，办完回复 OK "
                        + ref + "。";
            }
            case "assignment.accepted" -> {
                AssignmentView.Details d = a.details();
                String address = d == null || d.address() == null || d.address().isBlank()
                        ? where(t.location())
                        : d.address();
                return "工单" + ref + "已由您接单" + (address.isEmpty() ? "" : "，详细地址：" + address) + "。"
                        + (a.resolveBy() == null ? "" : "请在" + when.format(a.resolveBy()) + "前办结，")
                        + "办完回复 OK " + ref + "。";
            }
            case "assignment.cancelled" -> {
                return "工单" + ref + "的派单已撤回（已由他人接手或已改派），您无需再处理，谢谢！";
            }
            case "assignment.paused" -> {
                return "工单" + ref + "已暂停计时（等待居民）。";
            }
            case "assignment.reporter-added" -> {
                return "工单" + ref + "：又有居民报告同一事件，共" + t.reporters() + "人报告，请一并处理，无需重复派人。";
            }
            case "assignment.resumed" -> {
                return "工单" + ref + "恢复计时，请在" + when.format(a.resolveBy()) + "前办结。";
            }
            default -> {
                return "工单" + ref + "有更新（" + eventType + "），请留意。";
            }
        }
        StringBuilder s = new StringBuilder("您好，有一件事想请您帮忙处理：");
        String where = where(t.location());
        if (!where.isEmpty()) {
            s.append(where).append("，");
        }
        String description = t.description() == null ? "" : t.description().strip().replaceAll("\\s+", " ");
        if (description.length() > DESCRIPTION_CHARS) {
            description = description.substring(0, DESCRIPTION_CHARS) + "…";
        }
        s.append("“").append(description).append("”");
        if (t.resident() != null && (t.resident().name() != null || t.resident().phone() != null)) {
            s.append("（居民").append(t.resident().name() == null ? "" : t.resident().name())
                    .append(t.resident().phone() == null ? "" : " " + t.resident().phone()).append("）");
        }
        s.append("。工单").append(ref);
        if (a.acceptBy() != null) {
            s.append("，请在").append(when.format(a.acceptBy())).append("前回复");
        } else {
            s.append("，请回复");
        }
        s.append("：Y ").append(ref).append(" 接单；N ").append(ref).append(" 加原因 拒单；办完回复 OK ").append(ref)
                .append("。谢谢！");
        return s.toString();
    }

    private static String where(AssignmentView.Location location) {
        if (location == null) {
            return "";
        }
        String compound = location.compound() == null ? "" : location.compound().replaceFirst("^\\S+ ", "");
        String address = location.address() == null ? "" : location.address();
        if (!compound.isEmpty() && !address.isEmpty() && !address.contains(compound)) {
            return compound + "（" + address + "）";
        }
        return address.isEmpty() ? compound : address;
    }
}
