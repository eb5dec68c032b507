package org.hotlinehub.model;

import java.util.Optional;

/** How a partner receives its assignments. */
public enum DeliveryChannel implements Coded.LowerCaseName {

    /** Signed JSON POST to the partner's URL (docs/contract.md, "Partner webhook"). */
    WEBHOOK,
    /** A queue per partner on the hub's broker. */
    JMS,
    /** Text messages with short keywords. */
    SMS,
    /** The partner looks them up in the portal or through the partner API. */
    PORTAL;

    public static Optional<DeliveryChannel> fromCode(String code) {
        return Coded.fromCode(values(), code);
    }
}
