package org.hotlinehub.casework;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.Masks;
import org.hotlinehub.model.port.ResidentProfiles;
import org.hotlinehub.store.ResidentEntity;
import org.hotlinehub.store.ResidentRepository;
import org.jboss.logging.Logger;

@ApplicationScoped
public class ResidentProfileService implements ResidentProfiles {

    private static final Logger LOG = Logger.getLogger(ResidentProfileService.class);

    @Inject
    EntityManager em;
    @Inject
    ResidentRepository residents;
    @Inject
    Clock clock;

    @Override
    @Transactional
    public long linkWechat(String openid, String phone) {
        ResidentEntity byOpenid = residents.findByWechatOpenid(openid).orElse(null);
        ResidentEntity byPhone = residents.findByPhone(phone).orElse(null);
        ResidentEntity kept;
        if (byPhone == null) {
            kept = byOpenid != null ? byOpenid : new ResidentEntity();
            kept.phone = phone;
        } else {
            kept = byPhone;
            if (byOpenid != null && !byOpenid.id.equals(byPhone.id)) {
                merge(byOpenid, byPhone);
            }
        }
        if (kept.wechatOpenid != null && !kept.wechatOpenid.equals(openid)) {
            LOG.infof("resident %d rebinds from openid %s", kept.id, Masks.openid(kept.wechatOpenid));
        }
        kept.wechatOpenid = openid;
        kept.updatedAt = clock.instant();
        if (kept.id == null) {
            kept.createdAt = kept.updatedAt;
            residents.persist(kept);
        }
        residents.flush();
        LOG.infof("openid %s linked to %s (resident %d)", Masks.openid(openid), Masks.phone(phone), kept.id);
        return kept.id;
    }

    /**
     * The WeChat-only profile's tickets, contacts and incident reports move to the phone's profile, which it then gives
     * way to.
     */
    private void merge(ResidentEntity from, ResidentEntity into) {
        em.createNativeQuery("update ticket set resident_id = ?2 where resident_id = ?1").setParameter(1, from.id)
                .setParameter(2, into.id).executeUpdate();
        em.createNativeQuery("update inbound_contact set resident_id = ?2 where resident_id = ?1")
                .setParameter(1, from.id).setParameter(2, into.id).executeUpdate();
        // as their tickets do: else deleting the profile would set them null, and broadcasts would miss the reporter
        em.createNativeQuery("update incident_link set resident_id = ?2 where resident_id = ?1")
                .setParameter(1, from.id).setParameter(2, into.id).executeUpdate();
        if (into.name == null) {
            into.name = from.name;
        }
        residents.delete(from);
        residents.flush();
    }
}
