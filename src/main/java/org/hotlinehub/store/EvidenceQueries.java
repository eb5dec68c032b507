package org.hotlinehub.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.SqlTimes;

/**
 * The attachment table as the evidence job and the downloads use it (V93): the files still to be fetched, the
 * outcome of a try, and a stored file looked up only together with what authorises it. Every write is conditional on
 * the row still having its URL and no bytes, so a retry after a lost answer and an anonymised row (URL gone) are left
 * as they are. Runs in the caller's transaction.
 */
@ApplicationScoped
public class EvidenceQueries {

    @Inject
    EntityManager em;
    @Inject
    TicketRepository tickets;

    /** A file to fetch: its row, its URL, the tries so far and when it came. */
    public record Due(long id, String url, int attempts, Instant createdAt) {
    }

    /**
     * Claims up to {@code limit} files due at {@code now}: their next try moves to {@code leaseUntil}, so another
     * instance (or this one after a crash) takes them again only once the lease is over.
     */
    public List<Due> claim(Instant now, Instant leaseUntil, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, url, fetch_attempts, created_at from attachment"
                + " where fetch_after <= ?1 and url is not null and data is null order by fetch_after, id limit ?2"
                + " for update skip locked").setParameter(1, now).setParameter(2, limit).getResultList();
        List<Due> due = rows.stream().map(r -> new Due(((Number) r[0]).longValue(), (String) r[1],
                ((Number) r[2]).intValue(), SqlTimes.instant(r[3]))).toList();
        if (!due.isEmpty()) {
            em.createNativeQuery("update attachment set fetch_after = ?1 where id = any(?2)")
                    .setParameter(1, leaseUntil).setParameter(2, due.stream().mapToLong(Due::id).toArray())
                    .executeUpdate();
        }
        return due;
    }

    /** The file is fetched: its bytes are the hub's own from now on. */
    public void stored(long id, byte[] data, String contentType) {
        em.createNativeQuery("update attachment set data = ?2, content_type = coalesce(?3, content_type),"
                + " size_bytes = ?4, fetch_after = null, fetch_attempts = fetch_attempts + 1, fetch_error = null"
                + " where id = ?1 and url is not null and data is null").setParameter(1, id).setParameter(2, data)
                .setParameter(3, contentType).setParameter(4, (long) data.length).executeUpdate();
    }

    /** A try failed: the next at {@code next}, or none when {@code next} is null (given up, or failed for good). */
    public void failed(long id, Instant next, String error) {
        em.createNativeQuery("update attachment set fetch_after = ?2, fetch_attempts = fetch_attempts + 1,"
                + " fetch_error = ?3 where id = ?1 and url is not null and data is null").setParameter(1, id)
                .setParameter(2, next).setParameter(3, error).executeUpdate();
    }

    /** Not the provider's file: it stays a link, nothing more to fetch. */
    public void notFetchable(long id) {
        em.createNativeQuery("update attachment set fetch_after = null where id = ?1").setParameter(1, id)
                .executeUpdate();
    }

    /** A stored file of the ticket with this reference or alias. */
    public Optional<AttachmentEntity> storedOfTicket(String reference, long attachmentId) {
        return tickets.findByReferenceOrAlias(reference).flatMap(t -> AttachmentEntity
                .<AttachmentEntity>find("id = ?1 and ticketId = ?2 and data is not null", attachmentId, t.id)
                .firstResultOptional());
    }

    /**
     * A stored photo of the ticket of an assignment in the hands of {@code holder}: a partner's code, or for
     * {@code partnerOnly} false also a volunteer's.
     */
    public Optional<AttachmentEntity> storedPhotoOfHeld(long assignmentId, String holder, boolean partnerOnly,
            long attachmentId) {
        String who = partnerOnly ? "p.code = ?3" : "(p.code = ?3 or v.code = ?3)";
        return em.createQuery("select f from AttachmentEntity f, AssignmentEntity a left join a.partner p"
                + " left join a.volunteer v where f.id = ?1 and a.id = ?2 and " + who
                + " and f.ticketId = a.ticket.id and a.state in ?4 and f.data is not null"
                + " and f.contentType like 'image/%'", AttachmentEntity.class).setParameter(1, attachmentId)
                .setParameter(2, assignmentId).setParameter(3, holder)
                .setParameter(4, AssignmentState.inHandStates()).getResultStream().findFirst();
    }

    /** A ticket's file without its bytes. */
    public record FileRef(long id, String filename, String contentType, Long sizeBytes, String url, boolean stored,
            boolean fetching, String fetchError) {
    }

    /** The files of a ticket without their bytes, oldest first. */
    public List<FileRef> files(long ticketId) {
        return em.createQuery("select f.id, f.filename, f.contentType, f.sizeBytes, f.url,"
                + " case when f.data is not null then true else false end,"
                + " case when f.fetchAfter is not null then true else false end, f.fetchError from AttachmentEntity f where f.ticketId = ?1 order by f.id",
                Object[].class).setParameter(1, ticketId).getResultStream()
                .map(r -> new FileRef(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (Long) r[3],
                        (String) r[4], (Boolean) r[5], (Boolean) r[6], (String) r[7]))
                .toList();
    }

    /** The stored photos of a ticket, oldest first, without their bytes (what the holder of its work is linked to). */
    public List<FileRef> storedPhotos(long ticketId) {
        return files(ticketId).stream().filter(f -> f.stored() && f.contentType() != null
                && f.contentType().startsWith("image/")).toList();
    }
}
