package org.hotlinehub.model.port;

import java.util.Optional;

import org.hotlinehub.model.IncidentView;
import org.hotlinehub.model.Staff;
import org.hotlinehub.model.SurgeNotice;

/**
 * One incident, many reporters (docs/architecture.md, "Incidents"): what operators see and decide about a ticket's
 * link to an incident, on the console and through the API alike. Every decision is on both tickets' timelines and in
 * the audit log. A move the tickets' states do not allow is refused with
 * {@link org.hotlinehub.model.IllegalTransitionException} (409), an unknown ticket with
 * {@link org.hotlinehub.model.NotFoundException}.
 */
public interface Incidents {

    /** The ticket's incident, reporters, surge and link decision; empty when it is a report of its own only. */
    Optional<IncidentView> of(String reference);

    /**
     * Links the ticket to the open incident {@code incident} as one more reporter: its open assignments are
     * withdrawn, it becomes MERGED, the incident's holder is told. Null {@code incident}: the one intake suggested.
     */
    void link(String reference, String incident, Staff staff);

    /** Intake's suggestion was wrong: the ticket leaves triage and is dispatched as a ticket of its own. */
    void keepSeparate(String reference, Staff staff);

    /** Undoes a link: the reporter's ticket is its own again and is dispatched normally. */
    void unlink(String reference, Staff staff);

    /**
     * Confirms the incident's surge (the ticket may be the incident or one of its reports) with one status message in
     * Chinese and English, both required ({@link IllegalArgumentException} naming {@code statusZh} or
     * {@code statusEn}); every reporter is told it on their own channel, and reporters who join later when they join.
     * 409 when the incident has no surge, is no longer open, or its surge was confirmed before.
     */
    void confirmSurge(String reference, String statusZh, String statusEn, Staff staff);

    /**
     * The confirmed surge of an open incident in the area ({@code hub.incident.place-level}) of the resident's known
     * place (registered, else that of their latest ticket), the newest; empty when there is none.
     */
    Optional<SurgeNotice> surgeNear(long residentId);
}
