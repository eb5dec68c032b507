package org.hotlinehub.model;

/**
 * What the intake edge took a contact to be. Conversational channels (SMS) decide it at the edge, where they answer
 * the sender; forms are always a new request.
 */
public enum ContactIntent {

    /** A new request: a ticket with the contact's reference. */
    REQUEST,
    /** More about the open ticket named by the contact's reference: goes on its timeline. */
    FOLLOW_UP,
    /** The resident's answer to the call-back survey of the (resolved) ticket named by the reference. */
    SURVEY_ANSWER
}
