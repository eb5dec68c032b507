package org.hotlinehub.dispatch;

import org.hotlinehub.store.PartnerEntity;
import org.hotlinehub.store.VolunteerEntity;

/** Who the rules picked for a ticket — a partner or a volunteer — and why, in words an operator can check. */
public record Choice(PartnerEntity partner, VolunteerEntity volunteer, String reason) {

    static Choice partner(PartnerEntity partner, String reason) {
        return new Choice(partner, null, reason);
    }

    static Choice volunteer(VolunteerEntity volunteer, String reason) {
        return new Choice(null, volunteer, reason);
    }
}
