package org.hotlinehub.outbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.deadletter.DeadLetterService;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.OutboxChannel;
import org.hotlinehub.model.OutboxChannel.Stream;
import org.hotlinehub.model.OutboxMessage;
import org.hotlinehub.model.SendResult;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.store.OutboxStore;
import org.hotlinehub.store.TimelineRepository;
import org.jboss.logging.Logger;

/**
 * Turns what the senders reported into the outbox's rows, in one transaction for a whole round: delivered, failed
 * for good, due again after the {@link RetryPolicy}'s backoff, or given up. The one give-up rule: a row whose next
 * retry would fall after its give-up time takes its stream's final status and becomes a dead letter that a replay
 * puts back in the outbox; a partner delivery also says so on the ticket's timeline.
 */
@ApplicationScoped
public class OutboxRecorder {

    private static final Logger LOG = Logger.getLogger(OutboxRecorder.class);

    @Inject
    OutboxStore store;
    @Inject
    RetryPolicy retry;
    @Inject
    DeadLetterService deadLetters;
    @Inject
    TimelineRepository timeline;

    /**
     * One send and how it went.
     *
     * @param notBefore for a retry, when to try again instead of the {@link RetryPolicy}'s backoff (a partner whose
     *        circuit is open: its next probe, or the end of a parked row's wait), or null
     */
    public record Sent(OutboxStore.Claimed claimed, SendResult result, Instant notBefore) {

        public Sent(OutboxStore.Claimed claimed, SendResult result) {
            this(claimed, result, null);
        }
    }

    /** Who the timeline names for what the outbox did. */
    static final String ACTOR = "hub:delivery";

    @Transactional
    public void record(List<Sent> sent, Instant now) {
        List<OutboxStore.Outcome> outcomes = new ArrayList<>(sent.size());
        List<TimelineRepository.Entry> delivered = new ArrayList<>();
        for (Sent s : sent) {
            outcomes.add(outcome(s, now, delivered));
        }
        store.record(outcomes);
        // the delivered offers on their tickets' timelines, with one statement
        timeline.recordAll(delivered);
    }

    private OutboxStore.Outcome outcome(Sent sent, Instant now, List<TimelineRepository.Entry> delivered) {
        OutboxStore.Claimed claimed = sent.claimed();
        SendResult r = sent.result();
        OutboxMessage m = claimed.message();
        Stream stream = m.channel().stream();
        int attempted = r.attempted() ? 1 : 0;
        int attempts = m.attempts() + attempted;
        switch (r.kind()) {
            case DELIVERED -> {
                if (stream == Stream.PARTNER && claimed.ticketId() != null) {
                    delivered.add(new TimelineRepository.Entry(claimed.ticketId(), TimelineKind.DELIVERED,
                            ACTOR, null, SystemReason.DELIVERED.text(m.topic(), m.recipient(),
                                    partnerChannel(m.channel()), attempts)));
                }
                return new OutboxStore.Outcome(m.id(), stream.deliveredStatus(), attempted, null, null, null,
                        r.externalId(), r.externalStatus(), r.statusRank(), now);
            }
            case FAILED -> {
                LOG.infof("%s to %s not sent: %s (%s)", m, shown(m), r.status(), r.detail());
                return new OutboxStore.Outcome(m.id(), r.status(), attempted, null, r.detail(), r.errorCode(), null,
                        null, 0, null);
            }
            default -> {
                Optional<Instant> next = sent.notBefore() == null
                        ? retry.nextAttempt(now, attempts, claimed.giveUpAt())
                        : Optional.of(sent.notBefore()).filter(at -> !at.isAfter(claimed.giveUpAt()));
                if (next.isPresent()) {
                    if (r.attempted()) {
                        LOG.infof("%s to %s failed (attempt %d: %s), next at %s", m, shown(m), attempts, r.detail(),
                                next.get());
                    } else {
                        LOG.debugf("%s to %s not sent (%s), next at %s", m, shown(m), r.detail(), next.get());
                    }
                    return new OutboxStore.Outcome(m.id(), "PENDING", attempted, next.get(), r.detail(),
                            r.errorCode(), null, null, 0, null);
                }
                giveUp(claimed, attempts, r.detail());
                return new OutboxStore.Outcome(m.id(), stream.gaveUpStatus(), attempted, null,
                        SystemReason.GAVE_UP.text(attempts, r.detail()), r.errorCode(), null, null, 0, null);
            }
        }
    }

    private void giveUp(OutboxStore.Claimed claimed, int attempts, String detail) {
        OutboxMessage m = claimed.message();
        if (m.channel().stream() == Stream.PARTNER) {
            String reason = SystemReason.DELIVERY_GAVE_UP.text(m.topic(), m.recipient(), attempts, detail);
            deadLetters.record("partner-delivery-" + m.id() + "-" + attempts, "partner-delivery", reason,
                    DeadLetterService.PARTNER_DELIVERY_PREFIX + m.id(), m.body(), Map.of("partner", m.recipient()));
            onTicket(claimed, TimelineKind.DELIVERY_FAILED, reason);
            LOG.warnf("dead-lettered: %s", reason);
            return;
        }
        String reason = m.topic() + " " + m.channel().stream().code() + " message to " + shown(m) + " gave up after "
                + attempts + " attempts: " + detail;
        Map<String, String> headers = new java.util.TreeMap<>(Map.of("recipient", shown(m)));
        if (m.ticketReference() != null) {
            headers.put("ticket", m.ticketReference());
        }
        deadLetters.record("outbox-" + m.id() + "-" + attempts, m.channel().stream().code() + "-outbound", reason,
                DeadLetterService.OUTBOX_PREFIX + m.id(), m.body(), headers);
        LOG.warnf("dead-lettered: %s", reason);
    }

    private void onTicket(OutboxStore.Claimed claimed, TimelineKind kind, String detail) {
        if (claimed.ticketId() != null) {
            timeline.record(claimed.ticketId(), kind, ACTOR, null, detail);
        }
    }

    /** As the timeline has always named a partner's channel: webhook, jms, sms. */
    private static String partnerChannel(OutboxChannel channel) {
        return channel.code().toLowerCase();
    }

    /** Who a message is for, fit for a log line or a dead letter's reason. */
    static String shown(OutboxMessage m) {
        return switch (m.channel()) {
            case SMS, VOICE -> Masks.phone(m.recipient());
            case WECHAT -> Masks.openid(m.recipient());
            default -> m.recipient();
        };
    }
}
