package org.hotlinehub.casework;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.Conversation;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.port.ConversationTickets;

/**
 * The rule of {@link ConversationTickets} as one statement, the resident found by phone or by openid. A ticket is in
 * conversation while it is open (not closed, cancelled or merged) and, resolved, until its survey is answered. A ticket
 * merged into another (a report of an incident) is in conversation while that ticket is open, with that ticket's
 * status, so its resident's next message is a follow-up; once that ticket is resolved it reads as resolved while the
 * resident's own survey answer is awaited (an incident may be closed already by another reporter's answer).
 */
@ApplicationScoped
public class ConversationTicketQueries implements ConversationTickets {

    private static final String GONE = "('CLOSED', 'CANCELLED', 'MERGED')";
    private static final String LATEST = "select t.reference,"
            + " case when i.id is null then t.status when i.status in " + GONE + " then 'RESOLVED' else i.status end,"
            + " (t.survey_requested_at is not null and t.survey_result is null), t.language, i.reference"
            + " from ticket t join resident r on r.id = t.resident_id"
            + " left join ticket i on t.status = 'MERGED' and i.id = t.merged_into_id"
            + " where r.%s = ?1 and (t.status not in " + GONE
            + " or i.id is not null and (i.status not in " + GONE
            + " or t.survey_requested_at is not null and t.survey_answered_at is null))"
            + " order by t.created_at desc, t.id desc limit 1";

    @Inject
    EntityManager em;

    @Override
    @Transactional
    public Optional<Conversation> byPhone(String phone) {
        return latest("phone", phone);
    }

    @Override
    @Transactional
    public Optional<Conversation> byOpenid(String openid) {
        return latest("wechat_openid", openid);
    }

    private Optional<Conversation> latest(String column, String value) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(String.format(LATEST, column)).setParameter(1, value)
                .getResultList();
        return rows.stream().findFirst().map(r -> new Conversation((String) r[0], TicketStatus.valueOf((String) r[1]),
                Boolean.TRUE.equals(r[2]), (String) r[3], (String) r[4]));
    }
}
