package org.hotlinehub.connectors.twilio;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.ContactIntent;
import org.hotlinehub.model.Conversation;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.port.ConversationTickets;

/**
 * The SMS channel's own state: the decision taken for each {@code MessageSid} ({@code sms_inbound}), kept by this
 * package with its own SQL. The partners' and volunteers' phones are only read; which of the sender's tickets a text is
 * about is the core's rule ({@link ConversationTickets}), the same as WeChat's.
 */
@ApplicationScoped
class SmsConversationQueries implements SmsConversations {

    /**
     * The sender's latest request of the last 10 minutes that is not a ticket yet (parameters: phone, kind), read
     * through {@code sms_inbound_phone_idx} (V128). Package-private for the test that reads its plan.
     */
    static final String PENDING_REQUEST = """
            select s.reference from sms_inbound s
             where s.from_phone = ?1 and s.kind = ?2 and s.created_at > now() - interval '10 minutes'
               and not exists (select 1 from ticket t where t.reference = s.reference)
             order by s.created_at desc limit 1""";

    @Inject
    EntityManager em;
    @Inject
    ConversationTickets tickets;

    @Override
    @Transactional
    public Optional<Decision> decided(String messageSid) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select message_sid, from_phone, kind, reference, reply from sms_inbound where message_sid = ?1")
                .setParameter(1, messageSid).getResultList();
        return rows.stream().findFirst().map(SmsConversationQueries::decision);
    }

    @Override
    @Transactional
    public Decision decide(Decision d) {
        // one statement when the decision is new (the usual case); a concurrent retry's decision is read after it
        @SuppressWarnings("unchecked")
        List<Object[]> inserted = em.createNativeQuery("insert into sms_inbound (message_sid, from_phone, kind,"
                + " reference, reply) values (?1, ?2, ?3, ?4, ?5) on conflict (message_sid) do nothing"
                + " returning message_sid, from_phone, kind, reference, reply")
                .setParameter(1, d.messageSid())
                .setParameter(2, d.fromPhone())
                .setParameter(3, d.kind())
                .setParameter(4, d.reference())
                .setParameter(5, d.reply())
                .getResultList();
        return inserted.stream().findFirst().map(SmsConversationQueries::decision)
                .orElseGet(() -> decided(d.messageSid()).orElseThrow());
    }

    private static Decision decision(Object[] r) {
        return new Decision((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4]);
    }

    @Override
    @Transactional
    public Optional<Conversation> conversation(String phone) {
        @SuppressWarnings("unchecked")
        List<Object> pending = em.createNativeQuery(PENDING_REQUEST).setParameter(1, phone)
                .setParameter(2, ContactIntent.REQUEST.name()).getResultList();
        if (!pending.isEmpty()) {
            return Optional.of(new Conversation((String) pending.get(0), TicketStatus.RECEIVED, false, null));
        }
        return tickets.byPhone(phone);
    }

    @Override
    @Transactional
    public Context context(String messageSid, String phone) {
        return new Context(decided(messageSid), partnerByPhone(phone), conversation(phone));
    }

    @Override
    @Transactional
    public Optional<String> partnerByPhone(String phone) {
        @SuppressWarnings("unchecked")
        List<Object> codes = em.createNativeQuery(
                "select code from (select 0 as k, code from partner where (phone = ?1 or ?1 = any(phones)) and active"
                        + " union all select 1, code from volunteer where phone = ?1 and active) h"
                        + " order by k, code limit 1")
                .setParameter(1, phone).getResultList();
        return codes.stream().findFirst().map(String::valueOf);
    }
}
