package org.hotlinehub.model.port;

import java.util.Optional;

import org.hotlinehub.model.InboundContact;

/**
 * Which contacts intake had better decide one after another: those that incident detection compares with each other
 * (docs/architecture.md, "Incidents"). The intake queue sends a contact with its group as the broker's message group,
 * so one consumer takes a group's contacts and two intake batches seldom wait for the same area's lock. Only an
 * optimisation: the lock still decides, on every node.
 */
public interface IntakeGroups {

    /** The contact's group, from what the sender said (place and need); empty when detection will not compare it. */
    Optional<String> groupOf(InboundContact contact);
}
