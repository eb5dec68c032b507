package org.hotlinehub.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.deadletter.DeadLetterService;
import org.hotlinehub.model.DeliveryChannel;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.model.port.PartnerTransport;
import org.hotlinehub.store.AssignmentRepository;
import org.hotlinehub.store.PartnerDeliveryEntity;
import org.hotlinehub.store.PartnerDeliveryRepository;
import org.hotlinehub.store.TimelineRepository;
import org.jboss.logging.Logger;

/**
 * Sends due outbox rows to partners. A failure schedules the next attempt with exponential backoff and jitter; past
 * the partner's give-up time the delivery is dead-lettered, never before.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    static final int BATCH = 500;

    @Inject
    PartnerDeliveryRepository deliveries;
    @Inject
    AssignmentRepository assignments;
    @Inject
    TimelineRepository timeline;
    @Inject
    DeadLetterService deadLetters;
    @Inject
    HubConfig config;

    private final Map<DeliveryChannel, PartnerTransport> transports;

    @Inject
    DeliveryWorker(Instance<PartnerTransport> all) {
        this.transports = all.stream().collect(Collectors.toMap(PartnerTransport::channel, Function.identity()));
    }

    /** A claimed delivery, ready to send: what the network call needs, read in the claiming transaction. */
    public record Due(long id, DeliveryChannel channel, PartnerTransport.Request request) {
    }

    /** What one send came to. */
    public record Sent(long id, PartnerTransport.Outcome outcome) {
    }

    /**
     * Claims up to {@value #BATCH} due deliveries (leased, so another instance or tick skips them) and reads them, in
     * one transaction.
     */
    @Transactional
    public List<Due> claimDue() {
        Instant now = Instant.now();
        List<Due> due = new ArrayList<>();
        for (long id : deliveries.claimDue(now, now.plus(config.delivery().timeout()).plusSeconds(30), BATCH)) {
            Due d = load(id);
            if (d != null) {
                due.add(d);
            }
        }
        return due;
    }

    /** One attempt; the network call runs outside any transaction. */
    public Sent send(Due due) {
        PartnerTransport transport = transports.get(due.channel());
        return new Sent(due.id(), transport == null
                ? PartnerTransport.Outcome.failed("no transport for channel " + due.channel().code())
                : transport.send(due.request()));
    }

    /** The outcomes of one tick's sends, in one transaction. */
    @Transactional
    public void recordAll(List<Sent> sent) {
        sent.forEach(s -> record(s.id(), s.outcome()));
    }

    private Due load(long id) {
        PartnerDeliveryEntity d = deliveries.findById(id);
        if (d == null || d.status != PartnerDeliveryEntity.Status.PENDING) {
            return null;
        }
        return d.partner != null
                ? new Due(id, d.channel, new PartnerTransport.Request(recipient(d), d.partner.webhookUrl,
                        d.partner.webhookSecret, d.partner.phone, d.eventType, d.idempotencyKey, d.body))
                : new Due(id, d.channel, new PartnerTransport.Request(d.volunteer.code, null, null,
                        d.volunteer.phone, d.eventType, d.idempotencyKey, d.body));
    }

    private void record(long id, PartnerTransport.Outcome outcome) {
        PartnerDeliveryEntity d = deliveries.findById(id);
        d.attempts++;
        Instant now = Instant.now();
        if (outcome.delivered()) {
            d.status = PartnerDeliveryEntity.Status.DELIVERED;
            d.deliveredAt = now;
            d.lastError = null;
            onTicket(d, TimelineKind.DELIVERED, d.eventType + " delivered to " + recipient(d) + " by "
                    + d.channel.code() + " after " + d.attempts + " attempt(s)");
            return;
        }
        d.lastError = outcome.detail();
        Instant next = now.plus(backoff(d.attempts));
        if (next.isAfter(d.giveUpAt)) {
            d.status = PartnerDeliveryEntity.Status.DEAD;
            String reason = d.eventType + " to " + recipient(d) + " gave up after " + d.attempts + " attempts: "
                    + outcome.detail();
            deadLetters.record("partner-delivery-" + d.id + "-" + d.attempts, "partner-delivery", reason,
                    DeadLetterService.PARTNER_DELIVERY_PREFIX + d.id, d.body, Map.of("partner", recipient(d)));
            onTicket(d, TimelineKind.DELIVERY_FAILED, reason);
            LOG.warnf("dead-lettered: %s", reason);
        } else {
            d.nextAttemptAt = next;
            LOG.infof("delivery %d to %s failed (attempt %d: %s), next at %s", d.id, recipient(d), d.attempts,
                    outcome.detail(), next);
        }
    }

    private static String recipient(PartnerDeliveryEntity d) {
        return d.partner != null ? d.partner.code : d.volunteer.code;
    }

    private void onTicket(PartnerDeliveryEntity d, TimelineKind kind, String detail) {
        if (d.assignmentId != null) {
            var a = assignments.findById(d.assignmentId);
            timeline.record(a.ticket.id, kind, "hub:delivery", null, detail);
        }
    }

    Duration backoff(int attempts) {
        long initial = config.delivery().initialBackoff().toMillis();
        long max = config.delivery().maxBackoff().toMillis();
        long exp = initial * (1L << Math.min(attempts - 1, 30));
        long capped = Math.min(Math.max(exp, initial), max);
        long jitter = ThreadLocalRandom.current().nextLong(capped / 5 + 1);
        return Duration.ofMillis(capped + jitter);
    }
}
