package org.hotlinehub.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.InboundContact;
import org.hotlinehub.store.IntakeRows;
import org.hotlinehub.store.IntakeRows.NewResident;
import org.hotlinehub.store.IntakeRows.Resident;

/**
 * Links a contact to the resident's profile by phone, or for WeChat by openid (a resident who bound their phone has
 * both, so their calls, texts and WeChat messages meet in one profile), creating a profile the first time a number or
 * openid is seen; a contact with neither has no resident. A profile without a name takes the name a contact sends.
 */
@ApplicationScoped
public class Residents {

    @Inject
    IntakeRows rows;

    /**
     * The residents of a batch of contacts, in one lookup and at most one insert (and one more lookup for profiles
     * another transaction created meanwhile).
     *
     * @return per contact, its resident; null for a contact with neither phone nor openid (Open311 makes the phone
     *         optional): its ticket has no resident
     */
    public List<Resident> forContacts(List<InboundContact> contacts, Instant now) {
        Set<String> openids = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        for (InboundContact c : contacts) {
            if (byOpenid(c)) {
                openids.add(c.wechatOpenid());
            } else if (byPhone(c)) {
                phones.add(c.phone());
            }
        }
        Map<String, Resident> found = new HashMap<>();
        index(rows.residents(phones, openids), found);
        Map<String, NewResident> missing = new LinkedHashMap<>();
        for (InboundContact c : contacts) {
            String key = key(c);
            if (key != null && !found.containsKey(key)) {
                String language = c.language() == null ? "zh" : c.language();
                missing.putIfAbsent(key, byOpenid(c)
                        ? new NewResident(null, c.wechatOpenid(), null, language)
                        : new NewResident(c.phone(), null, c.name(), language));
            }
        }
        if (!missing.isEmpty()) {
            index(rows.insertResidents(new ArrayList<>(missing.values()), now), found);
            if (missing.keySet().stream().anyMatch(k -> !found.containsKey(k))) {
                // inserted by another transaction since the lookup: read what it committed
                index(rows.residents(phones, openids), found);
            }
        }
        List<Resident> residents = new ArrayList<>(contacts.size());
        Map<Long, String> names = new HashMap<>();
        for (InboundContact c : contacts) {
            String key = key(c);
            Resident r = key == null ? null : found.get(key);
            if (key != null && r == null) {
                throw new IllegalStateException("no resident for " + (byOpenid(c) ? "a WeChat openid" : "a phone"));
            }
            if (r != null && !byOpenid(c) && r.name() == null && c.name() != null) {
                names.putIfAbsent(r.id(), c.name());
            }
            residents.add(r);
        }
        rows.nameResidents(names);
        return residents;
    }

    private static void index(List<Resident> residents, Map<String, Resident> into) {
        for (Resident r : residents) {
            if (r.wechatOpenid() != null) {
                into.put("openid:" + r.wechatOpenid(), r);
            }
            if (r.phone() != null) {
                into.put("phone:" + r.phone(), r);
            }
        }
    }

    private static String key(InboundContact c) {
        return byOpenid(c) ? "openid:" + c.wechatOpenid() : byPhone(c) ? "phone:" + c.phone() : null;
    }

    private static boolean byOpenid(InboundContact c) {
        return c.wechatOpenid() != null && !c.wechatOpenid().isBlank();
    }

    private static boolean byPhone(InboundContact c) {
        return c.phone() != null && !c.phone().isBlank();
    }
}
