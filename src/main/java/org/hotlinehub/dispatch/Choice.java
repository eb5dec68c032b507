package org.hotlinehub.dispatch;

import org.hotlinehub.store.PartnerEntity;
import org.hotlinehub.store.PartnerRepository;
import org.hotlinehub.store.VolunteerEntity;

/**
 * Who the rules picked for a ticket — a partner or a volunteer — and why, in words an operator can check; with the
 * catalog version the rules were read from ({@code catalogVersion}, null for a choice made by a person), and what the
 * rules already read about the party ({@code known}, null: read from the entity when needed), so that an offer made in
 * a dispatch chunk initializes no partner or volunteer row.
 */
public record Choice(PartnerEntity partner, VolunteerEntity volunteer, String reason, Integer catalogVersion,
        Party known) {

    public Choice(PartnerEntity partner, VolunteerEntity volunteer, String reason) {
        this(partner, volunteer, reason, null, null);
    }

    static Choice partner(PartnerEntity partner, String reason) {
        return new Choice(partner, null, reason);
    }

    /** A partner found by the rules, with what the lookup read about them. */
    static Choice partner(PartnerEntity partner, Party known, String reason) {
        return new Choice(partner, null, reason, null, known);
    }

    static Choice volunteer(VolunteerEntity volunteer, String reason) {
        return new Choice(null, volunteer, reason);
    }

    /** A volunteer found by the rules, whose code the candidates' read gave. */
    static Choice volunteer(VolunteerEntity volunteer, String code, String reason) {
        return new Choice(null, volunteer, reason, null, Party.volunteer(volunteer.id, code));
    }

    /** The same choice, made by the rules of catalog version {@code version}. */
    Choice byVersion(int version) {
        return new Choice(partner, volunteer, reason, version, known);
    }

    /** The chosen party's code. */
    public String partyCode() {
        return party().code();
    }

    /** What an offer needs to know about the chosen party. */
    Party party() {
        return known != null ? known : Party.of(partner, volunteer);
    }

    /**
     * What an offer needs to know about the party holding it: the partner's or volunteer's id and code, the partner
     * type whose business hours its clocks count in ({@code volunteer} for a volunteer), how the partner is told
     * ({@code deliveryChannel}, null for a volunteer, who is reached by SMS) and the partner's own give-up time
     * (null: the hub's).
     */
    public record Party(Long partnerId, Long volunteerId, String code, String type, String deliveryChannel,
            Long giveUpAfterSeconds) {

        static Party volunteer(long id, String code) {
            return new Party(null, id, code, DeadlinePolicy.VOLUNTEER, null, null);
        }

        /** What the rules' partner lookup read. */
        static Party of(PartnerRepository.NearestPartner found) {
            return new Party(found.partnerId(), null, found.code(), found.type(), found.deliveryChannel(),
                    found.giveUpAfterSeconds());
        }

        /** Read from the entities (loads a reference's row). */
        static Party of(PartnerEntity partner, VolunteerEntity volunteer) {
            return partner != null
                    ? new Party(partner.id, null, partner.code, partner.type, partner.deliveryChannel,
                            partner.giveUpAfterSeconds)
                    : volunteer(volunteer.id, volunteer.code);
        }
    }
}
