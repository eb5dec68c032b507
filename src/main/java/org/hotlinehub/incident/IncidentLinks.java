package org.hotlinehub.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.dispatch.DeliveryOutbox;
import org.hotlinehub.dispatch.OperatorDispatch;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.IncidentUpdate;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.store.AssignmentEntity;
import org.hotlinehub.store.AssignmentRepository;
import org.hotlinehub.store.IncidentRows;
import org.hotlinehub.store.OutboxStore;
import org.hotlinehub.store.TicketEntity;
import org.hotlinehub.store.TimelineRepository;
import org.jboss.logging.Logger;

/**
 * What linking a report to an incident does, in the caller's transaction, the same for intake's confident links and
 * operators' decisions: the report's ticket becomes MERGED into the incident (it keeps its reference, and the status
 * page shows the incident that carries on), its link row says how (score, reason, who), both timelines say so, the
 * incident counts one more reporter, the partner holding the incident's assignment gets the report as a follow-up
 * (not an offer of its own), and enough reports within {@code hub.surge.within} declare a surge. Undoing it reverses
 * each step.
 */
@ApplicationScoped
public class IncidentLinks {

    private static final Logger LOG = Logger.getLogger(IncidentLinks.class);

    @Inject
    IncidentRows rows;
    @Inject
    TimelineRepository timeline;
    @Inject
    AssignmentRepository assignments;
    @Inject
    DeliveryOutbox delivery;
    @Inject
    OperatorDispatch dispatch;
    @Inject
    HubConfig config;
    @Inject
    Clock clock;
    @Inject
    IncidentBroadcast broadcast;

    /** A decision's numbers and words, for the link row and the timelines. */
    public record Decision(double score, String reason, String actor) {

        String describe() {
            return SystemReason.INCIDENT_SCORE.text(String.format(Locale.ROOT, "%.2f", score), reason);
        }
    }

    /** The report joins the incident. The report's open assignments, if any, are withdrawn first. */
    public void join(TicketEntity report, TicketEntity incident, Decision decision) {
        dispatch.withdrawAll(report, TimelineKind.MERGED, decision.actor(),
                SystemReason.REPORT_JOINED_INCIDENT.text(incident.reference));
        joinAll(incident, List.of(new Joining(report, decision)));
    }

    /** A report that joins an incident, and why. */
    public record Joining(TicketEntity report, Decision decision) {
    }

    /**
     * Reports that hold no assignment (an intake batch's new tickets, or reports {@link #join} has withdrawn) join one
     * incident together, in their order (an intake batch's reports of a burst): the same steps as {@link #join} for
     * each, with the writes set-based (one statement per table, one count update, one read of the
     * channels and of the surge), since a burst's reports of one batch all wait for the incident's row.
     */
    public void joinAll(TicketEntity incident, List<Joining> joinings) {
        Instant now = clock.instant();
        List<IncidentRows.NewLink> newLinks = new ArrayList<>(joinings.size());
        for (Joining j : joinings) {
            TicketEntity report = j.report();
            report.status = TicketStatus.MERGED;
            report.mergedIntoId = incident.id;
            report.triageReason = null;
            report.updatedAt = now;
            newLinks.add(new IncidentRows.NewLink(new IncidentRows.Link(incident.id, report.id, IncidentRows.LINKED,
                    j.decision().score(), j.decision().reason(), j.decision().actor(), now), report.channel,
                    residentId(report), report.language, report.createdAt));
        }
        rows.saveLinks(newLinks);
        int reporters = rows.addReporters(incident.id, joinings.size());
        incident.reporterCount = reporters; // the column is written by the statement only; the offer's view reads this
        Map<Channel, Long> channels = rows.channels(incident.id);
        // each report's news says the count and channels as they were when it joined
        Map<Channel, Long> running = new EnumMap<>(Channel.class);
        running.putAll(channels);
        joinings.forEach(j -> running.merge(j.report().channel, -1L, Long::sum));
        Optional<AssignmentEntity> holder = assignments.latestLead(incident.id).filter(a -> a.state.isActive());
        List<TimelineRepository.Entry> entries = new ArrayList<>(joinings.size() * 2);
        List<OutboxStore.PartnerDelivery> news = new ArrayList<>(joinings.size());
        int count = reporters - joinings.size();
        for (Joining j : joinings) {
            TicketEntity report = j.report();
            Decision decision = j.decision();
            count++;
            running.merge(report.channel, 1L, Long::sum);
            entries.add(new TimelineRepository.Entry(report.id, TimelineKind.MERGED, decision.actor(), null,
                    SystemReason.INCIDENT_LINKED.text(incident.reference, decision.describe())));
            entries.add(new TimelineRepository.Entry(incident.id, TimelineKind.REPORTER_ADDED, decision.actor(),
                    report.channel, SystemReason.REPORTER_JOINED.text(report.reference, channel(report.channel),
                            decision.describe(), count)));
            // the partner (or volunteer) holding the incident's lead assignment gets each report as a follow-up;
            // before the incident is offered there is nobody to tell: the offer carries the count
            IncidentUpdate update = new IncidentUpdate(count, positive(running),
                    new IncidentUpdate.Addition(report.channel, report.description, report.createdAt));
            holder.flatMap(a -> delivery.delivery(a, DeliveryOutbox.EVENT_REPORTER_ADDED, update))
                    .ifPresent(news::add);
            LOG.debugf("ticket %s joined incident %s (%s), %d reporters", report.reference, incident.reference,
                    decision.describe(), count);
        }
        timeline.recordAll(entries);
        delivery.enqueueAll(news);
        Optional<IncidentRows.Surge> surge = rows.surge(incident.id);
        if (surge.isEmpty()) {
            checkSurge(incident, channels, now); // declared once: a surge on record needs no count again
        }
        // a reporter who joins a confirmed surge is told its status message once (linked reports only)
        surge.filter(IncidentRows.Surge::confirmed).ifPresent(s -> joinings
                .forEach(j -> broadcast.statusTo(incident.id, j.report().id, s.statusZh(), s.statusEn())));
        LOG.infof("%d report(s) joined incident %s, %d reporters", joinings.size(), incident.reference, reporters);
    }

    private static Map<Channel, Long> positive(Map<Channel, Long> counts) {
        Map<Channel, Long> out = new LinkedHashMap<>();
        counts.forEach((c, n) -> {
            if (n > 0) {
                out.put(c, n);
            }
        });
        return out;
    }

    /**
     * Intake is unsure (the grey zone): the report waits in triage, flagged as a likely duplicate of the incident,
     * until an operator links it or keeps it separate.
     */
    public void suggest(TicketEntity report, TicketEntity incident, Decision decision) {
        Instant now = clock.instant();
        report.status = TicketStatus.TRIAGE;
        String likely = SystemReason.LIKELY_SAME_INCIDENT.text(incident.reference, decision.describe());
        report.triageReason = likely + "; " + SystemReason.LINK_OR_KEEP_APART.text();
        report.updatedAt = now;
        rows.saveLink(new IncidentRows.Link(incident.id, report.id, IncidentRows.SUGGESTED, decision.score(),
                decision.reason(), decision.actor(), now), report.channel, residentId(report), report.language,
                report.createdAt);
        timeline.record(report.id, TimelineKind.DUPLICATE_SUSPECTED, decision.actor(), null, likely);
    }

    /** The operator kept a suggested report apart: it leaves triage and is dispatched as a ticket of its own. */
    public void keepApart(TicketEntity report, TicketEntity incident, String actor, String why) {
        onItsOwn(report, IncidentRows.KEPT_APART, TimelineKind.KEPT_SEPARATE, actor, why,
                SystemReason.NOT_SAME_INCIDENT.text(incident.reference, why));
    }

    /** Undoes a link: the report is a ticket of its own again, dispatched normally; the incident counts one fewer. */
    public void undo(TicketEntity report, TicketEntity incident, String actor, String why) {
        int reporters = rows.addReporters(incident.id, -1);
        incident.reporterCount = reporters;
        timeline.record(incident.id, TimelineKind.UNLINKED, actor, null,
                SystemReason.REPORT_TAKEN_OUT.text(report.reference, why, reporters));
        onItsOwn(report, IncidentRows.UNLINKED, TimelineKind.UNLINKED, actor, why,
                SystemReason.NO_LONGER_IN_INCIDENT.text(incident.reference, why));
    }

    /** The report stands alone (the decision recorded as {@code state}) and is dispatched like any new ticket. */
    private void onItsOwn(TicketEntity report, String state, TimelineKind kind, String actor, String why,
            String detail) {
        Instant now = clock.instant();
        rows.decide(report.id, state, why, actor, now);
        report.status = TicketStatus.RECEIVED;
        report.mergedIntoId = null;
        report.triageReason = null;
        report.updatedAt = now;
        timeline.record(report.id, kind, actor, null, detail);
        dispatch.dispatchNow(report);
    }

    /** Declares the incident's surge once {@code hub.surge.contacts} reports came within {@code hub.surge.within}. */
    private void checkSurge(TicketEntity incident, Map<Channel, Long> channels, Instant now) {
        Duration within = config.surge().within();
        int contacts = config.surge().contacts();
        long recent = rows.reportsSince(incident.id, now.minus(within));
        if (recent < contacts || !rows.declareSurge(incident.id, now, (int) recent, within.toSeconds())) {
            return;
        }
        String perChannel = channels.entrySet().stream().map(e -> channel(e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
        timeline.record(incident.id, TimelineKind.SURGE_DECLARED, IncidentDetection.ACTOR, null,
                recent + " reports within " + within.toMinutes() + " min (" + perChannel + ")");
        LOG.warnf("surge on incident %s: %d reports within %s (%s)", incident.reference, recent, within, perChannel);
    }

    private static Long residentId(TicketEntity t) {
        return t.resident == null ? null : t.resident.id;
    }

    private static String channel(Channel c) {
        return c.name().toLowerCase(Locale.ROOT);
    }
}
