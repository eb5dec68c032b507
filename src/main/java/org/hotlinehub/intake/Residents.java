package org.hotlinehub.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.InboundContact;
import org.hotlinehub.store.ResidentEntity;
import org.hotlinehub.store.ResidentRepository;

/**
 * Links a contact to the resident's profile by phone, or for WeChat by openid (a resident who bound their phone has
 * both, so their calls, texts and WeChat messages meet in one profile), creating a profile the first time a number or
 * openid is seen; a contact with neither has no resident.
 */
@ApplicationScoped
public class Residents {

    @Inject
    ResidentRepository residents;

    /** @return null for a contact without a phone number (Open311 makes it optional): the ticket has no resident */
    public ResidentEntity forContact(InboundContact contact) {
        if (contact.wechatOpenid() != null && !contact.wechatOpenid().isBlank()) {
            return residents.findByWechatOpenid(contact.wechatOpenid()).orElseGet(() -> {
                ResidentEntity r = new ResidentEntity();
                r.wechatOpenid = contact.wechatOpenid();
                r.language = contact.language() == null ? "zh" : contact.language();
                residents.persist(r);
                return r;
            });
        }
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
