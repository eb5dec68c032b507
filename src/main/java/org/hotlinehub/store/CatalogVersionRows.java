package org.hotlinehub.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hotlinehub.model.CatalogVersion;
import org.hotlinehub.model.SqlTimes;
import org.hotlinehub.model.TicketStatus;

/**
 * The catalog's versions and its one draft (V109), in the caller's transaction; content and draft items are JSON
 * text, read and written by {@code referencedata/CatalogVersionService}.
 */
@ApplicationScoped
public class CatalogVersionRows {

    /** Serialises publications: two never take the same number. */
    private static final long PUBLISH_LOCK = 0x63617476L; // "catv"

    @Inject
    EntityManager em;

    /** The draft row as stored. */
    public record DraftRow(String createdBy, Instant createdAt, String updatedBy, Instant updatedAt,
            Integer baseVersion, String itemsJson) {
    }

    /** A ticket a dry run compares: its category and place, and who holds (or last held) its lead. */
    public record TicketRow(long id, String reference, TicketStatus status, Instant createdAt, long categoryId,
            String categoryCode, long placeId, String placeCode, String heldBy) {
    }

    /** Writes the next version and returns its number. */
    public int record(String source, String by, String note, Integer rolledBackTo, String contentJson, Instant at) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, PUBLISH_LOCK).getSingleResult();
        int version = current() + 1;
        em.createNativeQuery("insert into catalog_version (version, published_at, published_by, source, note,"
                + " rolled_back_to, content) values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb))")
                .setParameter(1, version).setParameter(2, at).setParameter(3, by).setParameter(4, source)
                .setParameter(5, note).setParameter(6, rolledBackTo).setParameter(7, contentJson).executeUpdate();
        return version;
    }

    public int current() {
        return ((Number) em.createNativeQuery(CatalogVersionQuery.CURRENT).getSingleResult()).intValue();
    }

    public List<CatalogVersion> list(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select version, published_at, published_by, source, note,"
                + " rolled_back_to from catalog_version order by version desc limit ?1").setParameter(1, limit)
                .getResultList();
        return rows.stream()
                .map(r -> new CatalogVersion(((Number) r[0]).intValue(), SqlTimes.instant(r[1]), (String) r[2],
                        (String) r[3], (String) r[4], r[5] == null ? null : ((Number) r[5]).intValue()))
                .toList();
    }

    public Optional<String> content(int version) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select cast(content as text) from catalog_version where version = ?1")
                .setParameter(1, version).getResultList();
        return rows.stream().findFirst().map(String.class::cast);
    }

    /** The draft, locked for the rest of the transaction ({@code forUpdate}) or just read. */
    public Optional<DraftRow> draft(boolean forUpdate) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select created_by, created_at, updated_by, updated_at,"
                + " base_version, cast(items as text) from catalog_draft where id = 1"
                + (forUpdate ? " for update" : "")).getResultList();
        return rows.stream().findFirst().map(r -> new DraftRow((String) r[0], SqlTimes.instant(r[1]), (String) r[2],
                SqlTimes.instant(r[3]), r[4] == null ? null : ((Number) r[4]).intValue(), (String) r[5]));
    }

    public void saveDraft(DraftRow draft) {
        em.createNativeQuery("insert into catalog_draft (id, created_by, created_at, updated_by, updated_at,"
                + " base_version, items) values (1, ?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb)) on conflict (id) do update"
                + " set updated_by = excluded.updated_by, updated_at = excluded.updated_at, items = excluded.items")
                .setParameter(1, draft.createdBy()).setParameter(2, draft.createdAt())
                .setParameter(3, draft.updatedBy()).setParameter(4, draft.updatedAt())
                .setParameter(5, draft.baseVersion()).setParameter(6, draft.itemsJson()).executeUpdate();
    }

    /** @return whether there was a draft */
    public boolean deleteDraft() {
        return em.createNativeQuery("delete from catalog_draft where id = 1").executeUpdate() > 0;
    }

    /**
     * The tickets a dry run compares, newest first, at most {@code limit}: the open ones not resolved yet and every
     * one filed since {@code since}, each with a category and a place (the rule needs both).
     */
    public List<TicketRow> dryRunTickets(Instant since, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select t.id, t.reference, t.status, t.created_at, c.id, c.code,"
                + " pl.id, pl.code, (select coalesce(p.code, v.code) from assignment a"
                + " left join partner p on p.id = a.partner_id left join volunteer v on v.id = a.volunteer_id"
                + " where a.ticket_id = t.id and a.role = 'lead' order by a.id desc limit 1)"
                + " from ticket t join catalog_entry c on c.id = t.category_id join place pl on pl.id = t.place_id"
                + " where t.status in ('RECEIVED', 'TRIAGE', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'REOPENED')"
                + " or t.created_at >= ?1 order by t.id desc limit ?2").setParameter(1, since)
                .setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new TicketRow(((Number) r[0]).longValue(), (String) r[1],
                TicketStatus.valueOf((String) r[2]), SqlTimes.instant(r[3]), ((Number) r[4]).longValue(), (String) r[5],
                ((Number) r[6]).longValue(), (String) r[7], (String) r[8])).toList();
    }
}
