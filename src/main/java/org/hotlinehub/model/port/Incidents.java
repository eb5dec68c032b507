package org.hotlinehub.model.port;

import java.util.Optional;

import org.hotlinehub.model.IncidentView;
import org.hotlinehub.model.Staff;

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
}
