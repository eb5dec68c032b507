package org.hotlinehub.connectors.twilio;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.AlreadyTakenException;
import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.AssignmentView;
import org.hotlinehub.model.IllegalTransitionException;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.port.PartnerWork;

/**
 * A partner's answers by SMS, from the phone registered for it: "Y 123456789" accepts, "N 123456789 不在服务范围"
 * declines with a reason, "OK 123456789" reports it done. Each is applied through {@link PartnerWork} and committed
 * before the reply; all of them are idempotent, so Twilio's retries are harmless. Anything else gets the keywords back.
 */
@ApplicationScoped
public class TwilioPartnerKeywords {

    private static final String REF = "(\\d{6,12})";
    private static final String REST = "(?:[\\s,，:：]+(.*))?";
    private static final Pattern ACCEPT = Pattern.compile("(?:y|yes|接单|接|签收)\\s*" + REF,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DECLINE = Pattern.compile("(?:n|no|拒单|拒|退单)\\s*" + REF + REST,
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern DONE = Pattern.compile("(?:ok|done|完成|办结)\\s*" + REF + REST,
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    @Inject
    PartnerWork work;

    String answer(String partnerCode, String text) {
        String s = text.strip();
        Matcher m;
        if ((m = ACCEPT.matcher(s)).matches()) {
            String ref = m.group(1);
            return apply(partnerCode, ref, "签收", a -> work.accept(partnerCode, a.id()),
                    "已签收工单" + ref + "，谢谢！办完后请回复 OK " + ref + "。");
        }
        if ((m = DECLINE.matcher(s)).matches()) {
            String ref = m.group(1);
            String reason = m.group(2) == null ? "" : m.group(2).strip();
            if (reason.isEmpty()) {
                return "拒单请写明原因，例如：N " + ref + " 不在服务范围";
            }
            return apply(partnerCode, ref, "拒单", a -> work.decline(partnerCode, a.id(), reason),
                    "已退回工单" + ref + "（原因：" + reason + "），我们会另行安排。");
        }
        if ((m = DONE.matcher(s)).matches()) {
            String ref = m.group(1);
            String note = m.group(2) == null || m.group(2).isBlank() ? "已办结（短信回复）" : m.group(2).strip();
            return apply(partnerCode, ref, "办结", a -> work.resolve(partnerCode, a.id(), note, null),
                    "工单" + ref + "已办结，谢谢！我们会回访居民。");
        }
        return help();
    }

    /** A partner keyword with a reference, whoever sent it. */
    static boolean looksLikeKeyword(String text) {
        String s = text.strip();
        return ACCEPT.matcher(s).matches() || DECLINE.matcher(s).matches() || DONE.matcher(s).matches();
    }

    static String notRegistered() {
        return "本号码未登记为承办单位或志愿者，无法办理该指令。居民查询进度请发送“查询 工单号”。"
                + " / This phone is not registered for a partner or volunteer; residents can send STATUS <no.>.";
    }

    static String help() {
        return "未能识别您的回复。请回复：Y 工单号（接单）；N 工单号 原因（拒单）；OK 工单号（办结）。例如：Y 100000009"
                + " / Reply Y <no.> to accept, N <no.> <reason> to decline, OK <no.> when done.";
    }

    private interface Step {

        void apply(AssignmentView assignment);
    }

    private String apply(String partnerCode, String reference, String action, Step step, String done) {
        Optional<AssignmentView> assignment = work.list(partnerCode, Optional.empty(), 0, 200).stream()
                .filter(a -> a.ticket() != null && reference.equals(a.ticket().reference())).findFirst();
        if (assignment.isEmpty()) {
            return "没有派给您的工单" + reference + "，请核对编号。";
        }
        AssignmentState state = assignment.get().state();
        if (state == AssignmentState.OFFERED && "办结".equals(action)) {
            return "工单" + reference + "还未签收，请先回复 Y " + reference + " 签收。";
        }
        try {
            step.apply(assignment.get());
            return done;
        } catch (AlreadyTakenException e) {
            return e.escalated()
                    ? "紧急求助工单" + reference + "无人及时接单，已转热线话务员处理，您的派单已撤回，谢谢！"
                            + " / Nobody accepted in time; the operators have it now, your offer is withdrawn."
                    : "紧急求助工单" + reference + "已由他人接手，您无需前往，谢谢！"
                            + " / Someone else already took it; no need to go, thank you.";
        } catch (IllegalTransitionException e) {
            return "工单" + reference + "目前为“" + stateZh(state) + "”，不能" + action + "。";
        } catch (NotFoundException e) {
            return "没有派给您的工单" + reference + "，请核对编号。";
        }
    }

    private static String stateZh(AssignmentState state) {
        return switch (state) {
            case OFFERED -> "待签收";
            case ACCEPTED -> "已签收";
            case DECLINED -> "已拒单";
            case EXPIRED -> "已超时改派";
            case RETURNED -> "已退单";
            case IN_PROGRESS -> "办理中";
            case RESOLVED -> "已办结";
            case CANCELLED -> "已撤销";
        };
    }
}
