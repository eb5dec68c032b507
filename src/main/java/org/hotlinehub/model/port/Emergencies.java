package org.hotlinehub.model.port;

import java.util.List;
import java.util.Optional;

/**
 * Call assurance's emergencies (docs/architecture.md, "Emergencies"): the voice line raises one for the reference the
 * caller hears, dispatch offers its ticket at once to the nearest on-duty volunteers and the community's staff while
 * the emergency contacts are called, the first accept takes it and the other offers are withdrawn; nobody within
 * {@code hub.assurance.accept-window} sends it to the top of the operators' queue with a console alert.
 */
public interface Emergencies {

    /** The purpose of the hub's calls to a resident's emergency contacts (the voice outbox's topic and path). */
    String CONTACT_CALL = "assurance-contact";

    enum State {
        /** Raised, its ticket not yet dispatched. */
        RAISED,
        /** Offered to several parties; the window runs. */
        OFFERED,
        TAKEN,
        /** Nobody accepted in time: with the operators. */
        ESCALATED
    }

    /** What became of an emergency contact's "I will go". */
    enum ContactAnswer {
        /** The contact took it: the other offers are withdrawn. */
        TAKEN,
        /** Someone else took it first. */
        ALREADY_TAKEN,
        /** Nobody took it in time; the operators have it. */
        WITH_OPERATORS,
        /** No such emergency (yet): the ticket is not dispatched, or the reference is unknown. */
        UNKNOWN
    }

    /**
     * Raises the emergency for this reference, before its contact is queued; once per reference (a retried webhook
     * changes nothing).
     */
    void raise(String reference);

    Optional<State> state(String reference);

    /** An emergency contact, called by the hub, says they will go: the first accept takes it. */
    ContactAnswer acceptByContact(String reference, String contactPhone);

    /** Emergencies that went to the operators and wait in triage, oldest first: the console's alert. */
    List<String> awaitingOperators();
}
