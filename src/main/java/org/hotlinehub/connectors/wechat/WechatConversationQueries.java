package org.hotlinehub.connectors.wechat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.Attachment;
import org.hotlinehub.model.ContactIntent;
import org.hotlinehub.model.Conversation;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.TicketView;
import org.hotlinehub.model.port.ConversationTickets;
import org.hotlinehub.model.port.TicketLookup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@link WechatConversations} with this package's own SQL over its tables; which of the follower's tickets a text is
 * about ({@link ConversationTickets}) and what the follower may see of a ticket ({@link TicketLookup}) are the core's.
 */
@ApplicationScoped
class WechatConversationQueries implements WechatConversations {

    private static final String DECISION_COLUMNS = "select dedupe_key, openid, kind, reference, reply, contact_json,"
            + " reply_async from wechat_inbound";

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    ConversationTickets conversationTickets;
    @Inject
    TicketLookup tickets;

    @Override
    @Transactional
    public Optional<Decision> decided(String dedupeKey) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(DECISION_COLUMNS + " where dedupe_key = ?1")
                .setParameter(1, dedupeKey).getResultList();
        return rows.stream().findFirst().map(this::decision);
    }

    @Override
    @Transactional
    public Decision decide(Decision d) {
        em.createNativeQuery("insert into wechat_inbound (dedupe_key, openid, kind, reference, reply, contact_json)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (dedupe_key) do nothing")
                .setParameter(1, d.dedupeKey())
                .setParameter(2, d.openid())
                .setParameter(3, d.kind())
                .setParameter(4, d.reference())
                .setParameter(5, d.reply())
                .setParameter(6, d.contact() == null ? null : write(d.contact()))
                .executeUpdate();
        return decided(d.dedupeKey()).orElseThrow();
    }

    @Override
    @Transactional
    public boolean markSubmitted(String dedupeKey) {
        @SuppressWarnings("unchecked")
        List<Object> async = em.createNativeQuery("update wechat_inbound set submitted = true where dedupe_key = ?1"
                + " returning reply_async").setParameter(1, dedupeKey).getResultList();
        return async.stream().anyMatch(Boolean.TRUE::equals);
    }

    @Override
    @Transactional
    public boolean markAsync(String dedupeKey) {
        @SuppressWarnings("unchecked")
        List<Object> submitted = em.createNativeQuery("update wechat_inbound set reply_async = true"
                + " where dedupe_key = ?1 returning (submitted or contact_json is null)")
                .setParameter(1, dedupeKey).getResultList();
        return submitted.stream().anyMatch(Boolean.TRUE::equals);
    }

    @Override
    @Transactional
    public List<Decision> unsubmitted(Instant before, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(DECISION_COLUMNS + " where contact_json is not null"
                + " and not submitted and created_at < ?1 order by created_at limit ?2")
                .setParameter(1, before).setParameter(2, limit).getResultList();
        return rows.stream().map(this::decision).toList();
    }

    @Override
    @Transactional
    public Optional<Conversation> conversation(String openid) {
        @SuppressWarnings("unchecked")
        List<Object> pending = em.createNativeQuery("select w.reference from wechat_inbound w"
                + " where w.openid = ?1 and w.kind = ?2 and w.created_at > now() - interval '10 minutes'"
                + " and not exists (select 1 from ticket t where t.reference = w.reference)"
                + " order by w.created_at desc limit 1")
                .setParameter(1, openid).setParameter(2, ContactIntent.REQUEST.name()).getResultList();
        if (!pending.isEmpty()) {
            return Optional.of(new Conversation((String) pending.get(0), TicketStatus.RECEIVED, false, null));
        }
        return conversationTickets.byOpenid(openid);
    }

    @Override
    public Optional<TicketView> ticketFor(String reference, String openid) {
        return tickets.findForFollower(reference, openid);
    }

    @Override
    public List<TicketView> openTickets(String openid, int limit) {
        return tickets.openForFollower(openid, limit);
    }

    @Override
    @Transactional
    public void keepDraft(String openid, String dedupeKey, Draft draft) {
        Attachment a = draft.attachment();
        em.createNativeQuery("insert into wechat_draft (openid, dedupe_key, lat, lon, label, media_id, media_url,"
                + " media_type) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict (dedupe_key) do nothing")
                .setParameter(1, openid)
                .setParameter(2, dedupeKey)
                .setParameter(3, draft.lat())
                .setParameter(4, draft.lon())
                .setParameter(5, draft.label())
                .setParameter(6, a == null ? null : a.filename())
                .setParameter(7, a == null ? null : a.url())
                .setParameter(8, a == null ? null : a.contentType())
                .executeUpdate();
    }

    @Override
    @Transactional
    public List<Draft> takeDrafts(String openid, String usedBy) {
        em.createNativeQuery("update wechat_draft set used_by = ?2 where openid = ?1 and used_by is null"
                + " and created_at > now() - interval '1 hour'").setParameter(1, openid).setParameter(2, usedBy)
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select lat, lon, label, media_id, media_url, media_type"
                + " from wechat_draft where used_by = ?1 order by id").setParameter(1, usedBy).getResultList();
        return rows.stream().map(r -> new Draft((Double) r[0], (Double) r[1], (String) r[2], r[3] == null
                ? null
                : new Attachment((String) r[3], (String) r[5], 0, null, (String) r[4]))).toList();
    }

    private Decision decision(Object[] r) {
        return new Decision((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                r[5] == null ? null : read((String) r[5]), Boolean.TRUE.equals(r[6]));
    }

    private String write(InboundContact contact) {
        try {
            return json.writeValueAsString(contact);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("contact cannot be written as JSON", e);
        }
    }

    private InboundContact read(String contact) {
        try {
            return json.readValue(contact, InboundContact.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored WeChat contact cannot be read", e);
        }
    }
}
