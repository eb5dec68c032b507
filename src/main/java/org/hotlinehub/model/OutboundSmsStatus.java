package org.hotlinehub.model;

/** The hub's side of an outbound text message; what the carrier did with it is Twilio's status. */
public enum OutboundSmsStatus {

    /** Waiting for its first or next attempt. */
    PENDING,
    /** Twilio accepted it; its delivery status follows in callbacks. */
    SENT,
    /** Recorded but not sent: the hub runs without Twilio credentials. */
    SANDBOX,
    /** Not sent: the recipient opted out (STOP / 退订). */
    BLOCKED,
    /** Twilio refused it or every retry failed. */
    FAILED
}
