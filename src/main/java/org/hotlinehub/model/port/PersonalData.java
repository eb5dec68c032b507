package org.hotlinehub.model.port;

import java.util.Map;

/**
 * A resident's requests under the personal-information law (docs/retention.md): an administrator exports everything
 * the hub holds about a phone number, and erases it. Both are audited (who, what, when, why).
 */
public interface PersonalData {

    /**
     * Everything held for the resident with this phone number (profile, tickets, contacts, timelines, survey answers,
     * messages, calls), as JSON-ready maps and lists.
     *
     * @throws IllegalArgumentException when {@code phone} is not a phone number
     * @throws org.hotlinehub.model.NotFoundException when the hub holds no resident with it
     */
    Map<String, Object> export(String phone, String actor, String client);

    /**
     * Exports (as {@link #export}) and then anonymises the resident's tickets and deletes what is held about the
     * phone number, in one transaction; the answer carries the export and what was erased.
     *
     * @throws IllegalArgumentException when {@code phone} is not a phone number or {@code reason} is blank
     * @throws org.hotlinehub.model.NotFoundException when the hub holds no resident with it
     * @throws org.hotlinehub.model.IllegalTransitionException while the resident has open tickets
     */
    Map<String, Object> erase(String phone, String reason, String actor, String client);
}
