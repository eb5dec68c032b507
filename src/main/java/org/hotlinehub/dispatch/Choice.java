package org.hotlinehub.dispatch;

import org.hotlinehub.store.PartnerEntity;
import org.hotlinehub.store.VolunteerEntity;

/**
 * Who the rules picked for a ticket — a partner or a volunteer — and why, in words an operator can check; with the
 * catalog version the rules were read from ({@code catalogVersion}, null for a choice made by a person).
 */
public record Choice(PartnerEntity partner, VolunteerEntity volunteer, String reason, Integer catalogVersion) {

    public Choice(PartnerEntity partner, VolunteerEntity volunteer, String reason) {
        this(partner, volunteer, reason, null);
    }

    static Choice partner(PartnerEntity partner, String reason) {
        return new Choice(partner, null, reason);
    }

    static Choice volunteer(VolunteerEntity volunteer, String reason) {
        return new Choice(null, volunteer, reason);
    }

    /** The same choice, made by the rules of catalog version {@code version}. */
    Choice byVersion(int version) {
        return new Choice(partner, volunteer, reason, version);
    }

    /** The chosen party's code. */
    public String partyCode() {
        return partner != null ? partner.code : volunteer.code;
    }
}
