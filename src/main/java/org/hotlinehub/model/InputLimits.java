package org.hotlinehub.model;

/**
 * The longest text the hub takes in each kind of field, on every channel and API (in characters). One place, so a
 * name is not 50 characters on the form and 60,000 on Open311. What is longer is refused with a 4xx naming the field
 * (the form, Open311, the APIs) or cut (SMS and WeChat bodies have their own protocol limits, checked there).
 */
public final class InputLimits {

    /** A person's name (resident, first or last name). */
    public static final int NAME = 100;
    /** A written address. */
    public static final int ADDRESS = 300;
    /** What a resident or operator describes: the ticket's description. */
    public static final int DESCRIPTION = 4000;
    /** A note, a reason (decline, return, pause, appeal, cancel), a message to a resident. */
    public static final int NOTE = 2000;
    /** A code of reference data (category, place, partner), a channel, a language, a ruling. */
    public static final int CODE = 100;
    /** A phone number as typed, before it is normalized. */
    public static final int PHONE = 32;
    /** An e-mail address (RFC 5321). */
    public static final int EMAIL = 254;
    /** A URL (a photo, a media link). */
    public static final int URL = 2000;
    /** A search text, a cursor, an idempotency key, a token. */
    public static final int TERM = 200;
    /** The number of entries of a list (the duplicates of a merge). */
    public static final int LIST = 100;
    /** A webhook body (Twilio, WeChat): far above what the sender sends, refused with 413 before it is parsed. */
    public static final int WEBHOOK_BODY_BYTES = 64 * 1024;

    private InputLimits() {
    }
}
