package org.hotlinehub.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hotlinehub.model.TicketStatus;

/** What a status notice needs of a ticket: its state now, its category's names and its resident's WeChat follower. */
@ApplicationScoped
public class StatusNoticeQueries {

    /** A ticket as a notice sees it; {@code openid} null when its resident has none, else with their subscription. */
    public record NoticeTicket(long ticketId, String reference, TicketStatus status, String categoryZh,
            String categoryEn, String language, String openid, boolean subscribed) {
    }

    @Inject
    EntityManager em;

    /** The tickets of these ids, by id, in one query. */
    public Map<Long, NoticeTicket> tickets(Collection<Long> ticketIds) {
        Map<Long, NoticeTicket> byId = new HashMap<>();
        if (ticketIds.isEmpty()) {
            return byId;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select t.id, t.reference, t.status, c.name_zh, c.name_en,"
                + " t.language, r.wechat_openid, f.subscribed from ticket t"
                + " left join catalog_entry c on c.id = t.category_id"
                + " left join resident r on r.id = t.resident_id"
                + " left join wechat_follower f on f.openid = r.wechat_openid where t.id in (?1)")
                .setParameter(1, List.copyOf(ticketIds)).getResultList();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            byId.put(id, new NoticeTicket(id, (String) r[1], TicketStatus.valueOf((String) r[2]), (String) r[3],
                    (String) r[4], (String) r[5], (String) r[6], Boolean.TRUE.equals(r[7])));
        }
        return byId;
    }
}
