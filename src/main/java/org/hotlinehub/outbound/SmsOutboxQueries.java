package org.hotlinehub.outbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.OutboundSms;
import org.hotlinehub.model.OutboundSmsStatus;
import org.hotlinehub.model.OutboxChannel;
import org.hotlinehub.model.SmsSegments;
import org.hotlinehub.model.SqlTimes;
import org.hotlinehub.model.port.SmsOutbox;
import org.hotlinehub.store.OutboxStore;

/** The SMS stream of the outbox (V76) and the opt-out list. */
@ApplicationScoped
public class SmsOutboxQueries extends OutboxStreamQueries<OutboundSms> implements SmsOutbox {

    static final String COLUMNS = "select id, recipient, body, topic, ticket_reference, coalesce(segments, 1), status,"
            + " external_id, external_status, error_code, attempts, last_error, created_at, updated_at from outbox";

    SmsOutboxQueries() {
        super(OutboxChannel.Stream.SMS, COLUMNS);
    }

    @Override
    @Transactional
    public List<Long> enqueue(String idempotencyKey, String to, String text, String purpose,
            String ticketReference) {
        return parts(idempotencyKey, to, text, purpose, ticketReference).stream().map(outbox::add).toList();
    }

    @Override
    @Transactional
    public List<Optional<List<Long>>> enqueueAllUnlessOptedOut(List<Text> texts) {
        List<List<OutboxStore.NewMessage>> partsOfTexts = texts.stream()
                .map(t -> parts(t.idempotencyKey(), t.to(), t.text(), t.purpose(), t.ticketReference())).toList();
        // every part of every text in one statement, each checked against the opt-out list by that statement
        List<Optional<Long>> ids = outbox.addAll(partsOfTexts.stream().flatMap(List::stream).toList(),
                "not exists (select 1 from sms_opt_out o where o.phone = r.recipient)");
        List<Optional<List<Long>>> queued = new ArrayList<>(texts.size());
        int next = 0;
        for (List<OutboxStore.NewMessage> parts : partsOfTexts) {
            List<Optional<Long>> mine = ids.subList(next, next + parts.size());
            next += parts.size();
            // the parts of one text go to one phone: written all, or (opted out) none
            queued.add(
                    mine.get(0).isEmpty() ? Optional.empty() : Optional.of(mine.stream().map(Optional::get).toList()));
        }
        return queued;
    }

    /** The rows of a text: one, or one per part of a long text, numbered {@code #1}, {@code #2} … after the key. */
    private static List<OutboxStore.NewMessage> parts(String idempotencyKey, String to, String text, String purpose,
            String ticketReference) {
        List<String> parts = SmsSegments.split(text);
        List<OutboxStore.NewMessage> rows = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            String key = parts.size() == 1 ? idempotencyKey : idempotencyKey + "#" + (i + 1);
            rows.add(new OutboxStore.NewMessage(OutboxChannel.SMS, to, key, purpose, parts.get(i), ticketReference,
                    SmsSegments.segments(parts.get(i)), null, null, null));
        }
        return rows;
    }

    @Override
    @Transactional
    public boolean recordStatus(String twilioSid, String twilioStatus, int rank, String errorCode) {
        int updated = em.createNativeQuery("update outbox set external_status = ?1, status_rank = ?2,"
                + " error_code = coalesce(?3, error_code), updated_at = now()"
                + " where external_id = ?4 and stream = 'sms' and status_rank < ?2")
                .setParameter(1, twilioStatus)
                .setParameter(2, rank)
                .setParameter(3, errorCode)
                .setParameter(4, twilioSid)
                .executeUpdate();
        return updated == 1 || ((Number) em.createNativeQuery("select count(*) from outbox where external_id = ?1"
                + " and stream = 'sms'").setParameter(1, twilioSid).getSingleResult()).longValue() > 0;
    }

    @Override
    @Transactional
    public List<OutboundSms> list(Optional<OutboundSmsStatus> status, int offset, int limit) {
        return page(status, offset, limit);
    }

    /** The texts of one ticket, oldest first. */
    List<OutboundSms> forTicket(String reference) {
        return select(" and ticket_reference = ?1 order by id", reference);
    }

    @Override
    OutboundSms row(Object[] r) {
        OutboundSmsStatus status = OutboundSmsStatus.valueOf((String) r[6]);
        return new OutboundSms(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                ((Number) r[5]).intValue(), status, status == OutboundSmsStatus.SENT, (String) r[7], (String) r[8],
                (String) r[9], ((Number) r[10]).intValue(), (String) r[11], SqlTimes.instant(r[12]),
                SqlTimes.instant(r[13]));
    }

    @Override
    @Transactional
    public boolean optedOut(String phone) {
        return ((Number) em.createNativeQuery("select count(*) from sms_opt_out where phone = ?1")
                .setParameter(1, phone).getSingleResult()).longValue() > 0;
    }

    @Override
    @Transactional
    public void optOut(String phone) {
        em.createNativeQuery("insert into sms_opt_out (phone) values (?1) on conflict (phone) do nothing")
                .setParameter(1, phone).executeUpdate();
    }

    @Override
    @Transactional
    public void optIn(String phone) {
        em.createNativeQuery("delete from sms_opt_out where phone = ?1").setParameter(1, phone).executeUpdate();
    }
}
