package org.hotlinehub.model;

import java.util.EnumSet;
import java.util.Set;

/** Life of an assignment (派单) of a ticket to one partner, with the moves it allows. */
public enum AssignmentState {

    OFFERED,
    ACCEPTED,
    DECLINED,
    EXPIRED,
    RETURNED,
    IN_PROGRESS,
    RESOLVED,
    CANCELLED;

    public Set<AssignmentState> next() {
        return switch (this) {
            case OFFERED -> EnumSet.of(ACCEPTED, DECLINED, EXPIRED, CANCELLED);
            case ACCEPTED -> EnumSet.of(IN_PROGRESS, RETURNED, RESOLVED, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(IN_PROGRESS, RETURNED, RESOLVED, CANCELLED);
            case RETURNED -> EnumSet.of(ACCEPTED, CANCELLED);
            case DECLINED, EXPIRED, RESOLVED, CANCELLED -> EnumSet.noneOf(AssignmentState.class);
        };
    }

    public boolean canMoveTo(AssignmentState target) {
        return next().contains(target);
    }

    /**
     * Accepted and not yet resolved or handed back: the holder gets what it needs to do the work (the full address,
     * the answers, the resident's photos; docs/contract.md, "Partner webhook").
     */
    public boolean inHand() {
        return this == ACCEPTED || this == IN_PROGRESS;
    }

    /** The states of {@link #inHand()}. */
    public static Set<AssignmentState> inHandStates() {
        return EnumSet.of(ACCEPTED, IN_PROGRESS);
    }

    /** Still waiting for, or in the hands of, the partner. */
    public boolean isActive() {
        return this == OFFERED || this == ACCEPTED || this == IN_PROGRESS || this == RETURNED;
    }
}
