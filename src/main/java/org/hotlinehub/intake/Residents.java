package org.hotlinehub.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.InboundContact;
import org.hotlinehub.store.ResidentEntity;
import org.hotlinehub.store.ResidentRepository;

/**
 * Links a contact to the resident's profile by phone, creating a profile the first time a number is seen; a contact
 * without a phone has no resident.
 */
@ApplicationScoped
public class Residents {

    @Inject
    ResidentRepository residents;

    /** @return null for a contact without a phone number (Open311 makes it optional): the ticket has no resident */
    public ResidentEntity forContact(InboundContact contact) {
        if (contact.phone() == null || contact.phone().isBlank()) {
            return null;
        }
        return residents.findByPhone(contact.phone()).map(r -> {
            if (r.name == null && contact.name() != null) {
                r.name = contact.name();
            }
            return r;
        }).orElseGet(() -> {
            ResidentEntity r = new ResidentEntity();
            r.phone = contact.phone();
            r.name = contact.name();
            r.language = contact.language() == null ? "zh" : contact.language();
            residents.persist(r);
            return r;
        });
    }
}
