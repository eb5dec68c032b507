package org.hotlinehub.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
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
import org.hotlinehub.model.IllegalTransitionException;
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

    /**
     * Whether {@code report} may be merged into {@code incident}: the one rule for operators' merges (the ticket
     * page's merge, the incident link, the API's merge of duplicates). Both rows must be locked and read again.
     *
     * @param field the request field that named the ticket(s) the report is merged into or with, for a 400
     * @throws IllegalArgumentException naming {@code field} when report and incident are one ticket
     * @throws IllegalTransitionException when either is no longer open, or the report has reporters of its own
     */
    public void checkJoin(TicketEntity report, TicketEntity incident, String field) {
        if (report.id.equals(incident.id)) {
            throw new IllegalArgumentException(field + ": ticket " + report.reference + " cannot join itself");
        }
        if (!joinable(report.status)) {
            throw new IllegalTransitionException("ticket " + report.reference + " is " + word(report.status)
                    + "; only an open ticket can be merged");
        }
        if (!joinable(incident.status)) {
            throw new IllegalTransitionException("ticket " + incident.reference + " is " + word(incident.status)
                    + "; a ticket is merged into an open ticket only");
        }
        if (!rows.linkedTickets(report.id).isEmpty()) {
            throw new IllegalTransitionException("ticket " + report.reference + " is an incident with reporters of"
                    + " its own; undo their links first");
        }
    }

    /** Open and not resolved yet: a resolved ticket's call-back is under way, nobody joins it any more. */
    private static boolean joinable(TicketStatus status) {
        return status.isOpen() && status != TicketStatus.RESOLVED;
    }

    private static String word(TicketStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
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

    /** Reports that hold no assignment join one incident together, as {@link #joinAll(Map)}. */
    public void joinAll(TicketEntity incident, List<Joining> joinings) {
        joinAll(Map.of(incident, joinings));
    }

    /**
     * Reports that hold no assignment (an intake batch's new tickets, or reports {@link #join} has withdrawn) join
     * their incidents, each incident's in their order (an intake batch's reports of a burst): the same steps as
     * {@link #join} for each, set-based for the whole batch: one statement per table, one count update, one read of
     * the channels, the holders and the surges. A burst's batches all wait for its incidents' rows, which the count
     * update locks until the transaction ends; so it comes after the links and before what needs the counts.
     */
    public void joinAll(Map<TicketEntity, List<Joining>> byIncident) {
        if (byIncident.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<IncidentRows.NewLink> newLinks = new ArrayList<>();
        Map<Long, Integer> added = new HashMap<>();
        byIncident.forEach((incident, joinings) -> {
            added.put(incident.id, joinings.size());
            for (Joining j : joinings) {
                TicketEntity report = j.report();
                report.status = TicketStatus.MERGED;
                report.mergedIntoId = incident.id;
                report.triageReason = null;
                report.updatedAt = now;
                newLinks.add(new IncidentRows.NewLink(new IncidentRows.Link(incident.id, report.id,
                        IncidentRows.LINKED, j.decision().score(), j.decision().reason(), j.decision().actor(), now),
                        report.channel, residentId(report), report.language, report.createdAt));
            }
        });
        rows.saveLinks(newLinks);
        Map<Long, Integer> counts = rows.addReporters(added);
        Map<Long, Map<Channel, Long>> channels = rows.channels(added.keySet());
        Map<Long, AssignmentEntity> holders = assignments.latestLeads(added.keySet());
        Map<Long, IncidentRows.Surge> surges = rows.surges(added.keySet());
        List<TimelineRepository.Entry> entries = new ArrayList<>(newLinks.size() * 2);
        List<OutboxStore.PartnerDelivery> news = new ArrayList<>(newLinks.size());
        byIncident.forEach((incident, joinings) -> {
            int reporters = counts.get(incident.id);
            // the column is written by the statement only; the offer's view reads this
            incident.reporterCount = reporters;
            // each report's news says the count and channels as they were when it joined
            Map<Channel, Long> running = new EnumMap<>(Channel.class);
            running.putAll(channels.getOrDefault(incident.id, Map.of()));
            joinings.forEach(j -> running.merge(j.report().channel, -1L, Long::sum));
            Optional<AssignmentEntity> holder = Optional.ofNullable(holders.get(incident.id))
                    .filter(a -> a.state.isActive());
            int count = reporters - joinings.size();
            for (Joining j : joinings) {
                TicketEntity report = j.report();
                String why = j.decision().describe();
                count++;
                running.merge(report.channel, 1L, Long::sum);
                entries.add(new TimelineRepository.Entry(report.id, TimelineKind.MERGED, j.decision().actor(), null,
                        SystemReason.INCIDENT_LINKED.text(incident.reference, why)));
                entries.add(new TimelineRepository.Entry(incident.id, TimelineKind.REPORTER_ADDED,
                        j.decision().actor(), report.channel,
                        SystemReason.REPORTER_JOINED.text(report.reference, channel(report.channel), why, count)));
                // the partner (or volunteer) holding the incident's lead assignment gets each report as a follow-up;
                // before the incident is offered there is nobody to tell: the offer carries the count
                IncidentUpdate update = new IncidentUpdate(count, positive(running),
                        new IncidentUpdate.Addition(report.channel, report.description, report.createdAt));
                holder.flatMap(a -> delivery.delivery(a, DeliveryOutbox.EVENT_REPORTER_ADDED, update))
                        .ifPresent(news::add);
                LOG.debugf("ticket %s joined incident %s (%s), %d reporters", report.reference, incident.reference,
                        why, count);
            }
            LOG.infof("%d report(s) joined incident %s, %d reporters", joinings.size(), incident.reference, reporters);
        });
        timeline.recordAll(entries);
        delivery.enqueueAll(news);
        // declared once: a surge on record needs no count again
        List<TicketEntity> unsurged = byIncident.keySet().stream().filter(i -> !surges.containsKey(i.id)).toList();
        checkSurges(unsurged, channels, now);
        // a reporter who joins a confirmed surge is told its status message once (linked reports only)
        byIncident.forEach((incident, joinings) -> Optional.ofNullable(surges.get(incident.id))
                .filter(IncidentRows.Surge::confirmed).ifPresent(s -> joinings.forEach(
                        j -> broadcast.statusTo(incident.id, j.report().id, s.statusZh(), s.statusEn()))));
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

    /** A report intake is unsure about, and the incident it likely reports again. */
    public record Suggestion(TicketEntity report, TicketEntity incident, Decision decision) {
    }

    /**
     * Intake is unsure (the grey zone): each report waits in triage, flagged as a likely duplicate of its incident,
     * until an operator links it or keeps it separate. One statement for the links, one for the timelines.
     */
    public void suggestAll(List<Suggestion> suggestions) {
        if (suggestions.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<IncidentRows.NewLink> newLinks = new ArrayList<>(suggestions.size());
        List<TimelineRepository.Entry> entries = new ArrayList<>(suggestions.size());
        for (Suggestion s : suggestions) {
            TicketEntity report = s.report();
            report.status = TicketStatus.TRIAGE;
            String likely = SystemReason.LIKELY_SAME_INCIDENT.text(s.incident().reference, s.decision().describe());
            report.triageReason = likely + "; " + SystemReason.LINK_OR_KEEP_APART.text();
            report.updatedAt = now;
            newLinks.add(new IncidentRows.NewLink(new IncidentRows.Link(s.incident().id, report.id,
                    IncidentRows.SUGGESTED, s.decision().score(), s.decision().reason(), s.decision().actor(), now),
                    report.channel, residentId(report), report.language, report.createdAt));
            entries.add(new TimelineRepository.Entry(report.id, TimelineKind.DUPLICATE_SUSPECTED, s.decision().actor(),
                    null, likely));
        }
        rows.saveLinks(newLinks);
        timeline.recordAll(entries);
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

    /**
     * Declares the surge of each of these incidents that got {@code hub.surge.contacts} reports within
     * {@code hub.surge.within} (one count for them all).
     */
    private void checkSurges(List<TicketEntity> incidents, Map<Long, Map<Channel, Long>> channels, Instant now) {
        if (incidents.isEmpty()) {
            return;
        }
        Duration within = config.surge().within();
        int contacts = config.surge().contacts();
        Map<Long, Long> recent = rows.reportsSince(incidents.stream().map(i -> i.id).toList(), now.minus(within));
        for (TicketEntity incident : incidents) {
            long reports = recent.getOrDefault(incident.id, 0L);
            if (reports < contacts || !rows.declareSurge(incident.id, now, (int) reports, within.toSeconds())) {
                continue;
            }
            String perChannel = channels.getOrDefault(incident.id, Map.of()).entrySet().stream()
                    .map(e -> channel(e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", "));
            timeline.record(incident.id, TimelineKind.SURGE_DECLARED, IncidentDetection.ACTOR, null,
                    SystemReason.SURGE_DECLARED.text(reports, within.toMinutes(), perChannel));
            LOG.warnf("surge on incident %s: %d reports within %s (%s)", incident.reference, reports, within,
                    perChannel);
        }
    }

    private static Long residentId(TicketEntity t) {
        return t.resident == null ? null : t.resident.id;
    }

    private static String channel(Channel c) {
        return c.name().toLowerCase(Locale.ROOT);
    }
}
