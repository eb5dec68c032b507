package org.hotlinehub.model;

/** Where a contact or message came from or goes to. */
public enum Channel {
    WEB,
    SMS,
    VOICE,
    WECHAT,
    OPEN311,
    API,
    OPERATOR,
    /** The partner portal ({@code /portal}): a partner's signed-in user. */
    PORTAL
}
