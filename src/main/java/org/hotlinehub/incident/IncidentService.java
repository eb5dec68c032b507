package org.hotlinehub.incident;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.IllegalTransitionException;
import org.hotlinehub.model.IncidentView;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.Staff;
import org.hotlinehub.model.SurgeNotice;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.TimelineKind;
import org.hotlinehub.model.port.AuditTrail;
import org.hotlinehub.model.port.Incidents;
import org.hotlinehub.store.IncidentRows;
import org.hotlinehub.store.ReferenceLookup;
import org.hotlinehub.store.TicketEntity;
import org.hotlinehub.store.TicketRepository;
import org.hotlinehub.store.TimelineRepository;

/**
 * Operators' decisions on incidents (console and API): link a report to an incident, keep a suggested one apart,
 * undo a link; and the incident as they see it. Each decision locks both tickets (in id order, as dispatch does),
 * goes through {@link IncidentLinks} and is audited, in one transaction.
 */
@ApplicationScoped
public class IncidentService implements Incidents {

    static final String TARGET = "ticket";
    /** The longest status message: Chinese, and English (each with the words around it, two SMS segments or so). */
    public static final int STATUS_ZH_MAX = 60;
    public static final int STATUS_EN_MAX = 160;

    @Inject
    TicketRepository tickets;
    @Inject
    IncidentRows rows;
    @Inject
    IncidentLinks links;
    @Inject
    AuditTrail audit;
    @Inject
    ReferenceLookup places;
    @Inject
    IncidentBroadcast broadcast;
    @Inject
    IncidentDetection detection;
    @Inject
    TimelineRepository timeline;
    @Inject
    Clock clock;

    @Override
    @Transactional
    public Optional<IncidentView> of(String reference) {
        TicketEntity ticket = find(reference);
        Optional<IncidentRows.Link> link = rows.linkOf(ticket.id);
        long incidentId = ticket.status == TicketStatus.MERGED && link.isPresent()
                && IncidentRows.LINKED.equals(link.get().state()) ? link.get().incidentId() : ticket.id;
        List<IncidentRows.Reporter> reporters = rows.reporters(incidentId);
        Optional<IncidentRows.Surge> surge = rows.surge(incidentId);
        if (link.isEmpty() && reporters.size() <= 1 && surge.isEmpty()) {
            return Optional.empty();
        }
        TicketEntity incident = incidentId == ticket.id ? ticket : tickets.findById(incidentId);
        IncidentView.Link decision = link.map(l -> {
            TicketEntity other = tickets.findById(l.incidentId());
            return new IncidentView.Link(other.reference, l.state(), l.score(), l.reason(), l.decidedBy(),
                    l.decidedAt(), other.status, other.description,
                    other.place == null
                            ? null
                            : places.place(other.place.id).map(p -> p.code() + " " + p.nameZh())
                                    .orElse(null),
                    other.category == null ? null : other.category.code);
        }).orElse(null);
        return Optional.of(new IncidentView(ticket.reference, incident.reference, rows.reporterCount(incidentId),
                rows.channels(incidentId), reporters.stream().map(IncidentService::view).toList(),
                surge.map(s -> new IncidentView.Surge(s.declaredAt(), s.contacts(), s.withinSeconds() / 60,
                        s.confirmedBy(), s.confirmedAt(), s.statusZh(), s.statusEn())).orElse(null),
                decision));
    }

    @Override
    @Transactional
    public void link(String reference, String incidentReference, Staff staff) {
        TicketEntity report = find(reference);
        Optional<IncidentRows.Link> suggested = rows.linkOf(report.id);
        TicketEntity incident;
        if (incidentReference == null || incidentReference.isBlank()) {
            incident = suggested.filter(l -> IncidentRows.SUGGESTED.equals(l.state()))
                    .map(l -> tickets.findById(l.incidentId()))
                    .orElseThrow(() -> new IllegalArgumentException("incident is required: ticket " + reference
                            + " has no suggested incident"));
        } else {
            incident = find(incidentReference.strip());
        }
        if (!incident.id.equals(report.id)) {
            lockInOrder(report, incident);
        }
        links.checkJoin(report, incident, "incident");
        double score = suggested.filter(l -> l.incidentId() == incident.id).map(IncidentRows.Link::score)
                .orElse(1.0);
        String reason = suggested.filter(l -> l.incidentId() == incident.id)
                .map(l -> SystemReason.CONFIRMED_BY.text(staff.actor(), l.reason()))
                .orElse(SystemReason.LINKED_BY.text(staff.actor()));
        links.join(report, incident, new IncidentLinks.Decision(score, reason, staff.actor()));
        audit.record(staff.name(), "incident.link", TARGET, report.reference, "joined incident "
                + incident.reference, staff.client());
    }

    @Override
    @Transactional
    public void keepSeparate(String reference, Staff staff) {
        TicketEntity[] pair = decided(reference, IncidentRows.SUGGESTED,
                "is not waiting for a decision on a likely duplicate");
        TicketEntity report = pair[0];
        if (report.status != TicketStatus.TRIAGE) {
            throw new IllegalTransitionException("ticket " + report.reference + " is "
                    + report.status.name().toLowerCase() + ", not waiting in triage");
        }
        links.keepApart(report, pair[1], staff.actor(), SystemReason.KEPT_SEPARATE_BY.text(staff.actor()));
        audit.record(staff.name(), "incident.keep-separate", TARGET, report.reference, "not the same as "
                + pair[1].reference, staff.client());
    }

    @Override
    @Transactional
    public void unlink(String reference, Staff staff) {
        TicketEntity[] pair = decided(reference, IncidentRows.LINKED, "is not linked to an incident");
        TicketEntity report = pair[0];
        TicketEntity incident = pair[1];
        if (report.status != TicketStatus.MERGED || !Long.valueOf(incident.id).equals(report.mergedIntoId)) {
            throw new IllegalTransitionException("ticket " + report.reference + " is "
                    + report.status.name().toLowerCase() + ", no longer part of incident " + incident.reference);
        }
        links.undo(report, incident, staff.actor(), SystemReason.UNDONE_BY.text(staff.actor()));
        audit.record(staff.name(), "incident.unlink", TARGET, report.reference, "taken out of incident "
                + incident.reference, staff.client());
    }

    @Override
    @Transactional
    public void confirmSurge(String reference, String statusZh, String statusEn, Staff staff) {
        String zh = status("statusZh", statusZh, STATUS_ZH_MAX);
        String en = status("statusEn", statusEn, STATUS_EN_MAX);
        TicketEntity ticket = find(reference);
        TicketEntity incident = ticket.status == TicketStatus.MERGED && ticket.mergedIntoId != null
                ? tickets.findById(ticket.mergedIntoId)
                : ticket;
        tickets.getEntityManager().refresh(incident, LockModeType.PESSIMISTIC_WRITE);
        if (!incident.status.isOpen() || incident.status == TicketStatus.RESOLVED) {
            throw new IllegalTransitionException("ticket " + incident.reference + " is "
                    + incident.status.name().toLowerCase() + "; only an open incident's surge can be confirmed");
        }
        IncidentRows.Surge surge = rows.surge(incident.id).orElseThrow(() -> new IllegalTransitionException(
                "ticket " + incident.reference + " has no surge to confirm"));
        if (surge.confirmed() || !rows.confirmSurge(incident.id, staff.actor(), clock.instant(), zh, en)) {
            throw new IllegalTransitionException("the surge of ticket " + incident.reference + " was confirmed by "
                    + surge.confirmedBy() + " already");
        }
        int told = broadcast.status(incident.id, zh, en);
        timeline.record(incident.id, TimelineKind.SURGE_CONFIRMED, staff.actor(), null,
                SystemReason.SURGE_CONFIRMED.text(told));
        audit.record(staff.name(), "incident.confirm-surge", TARGET, incident.reference, "status: " + zh + " / "
                + en, staff.client());
    }

    @Override
    @Transactional
    public Optional<SurgeNotice> surgeNear(long residentId) {
        return rows.knownPlace(residentId).flatMap(places::place)
                .flatMap(place -> rows.confirmedSurgeAt(places.placesWithin(detection.area(place))));
    }

    /** A status message: required, stripped, at most {@code max} characters; else 400 naming the field. */
    private static String status(String field, String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (text.codePointCount(0, text.length()) > max) {
            throw new IllegalArgumentException(field + " is longer than " + max + " characters");
        }
        return text;
    }

    /** The report whose link is in {@code state}, and its incident, both locked; else 409 with {@code refusal}. */
    private TicketEntity[] decided(String reference, String state, String refusal) {
        TicketEntity report = find(reference);
        IncidentRows.Link link = rows.linkOf(report.id).filter(l -> state.equals(l.state()))
                .orElseThrow(() -> new IllegalTransitionException("ticket " + reference + " " + refusal));
        TicketEntity incident = tickets.findById(link.incidentId());
        lockInOrder(report, incident);
        return new TicketEntity[]{report, incident};
    }

    private TicketEntity find(String reference) {
        return tickets.findByReferenceOrAlias(reference)
                .orElseThrow(() -> new NotFoundException("no ticket " + reference));
    }

    /** Both rows locked, lower id first; their states read again under the lock. */
    private void lockInOrder(TicketEntity a, TicketEntity b) {
        TicketEntity first = a.id < b.id ? a : b;
        TicketEntity second = first == a ? b : a;
        tickets.getEntityManager().refresh(first, LockModeType.PESSIMISTIC_WRITE);
        tickets.getEntityManager().refresh(second, LockModeType.PESSIMISTIC_WRITE);
    }

    private static IncidentView.Reporter view(IncidentRows.Reporter r) {
        String contact = r.phone() != null
                ? Masks.phone(r.phone())
                : r.wechatOpenid() != null ? Masks.openid(r.wechatOpenid()) : null;
        return new IncidentView.Reporter(r.reference(), r.channel(), contact, r.reportedAt(), r.state(), r.score(),
                r.reason(), r.decidedBy());
    }
}
