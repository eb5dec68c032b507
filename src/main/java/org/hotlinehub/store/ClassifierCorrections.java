package org.hotlinehub.store;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The operators' triage choices the classifier learns from (V86): one (description, category) per ticket. */
@ApplicationScoped
public class ClassifierCorrections {

    /** A ticket's description with the category an operator chose for it. */
    public record Correction(String description, String categoryCode) {
    }

    @Inject
    EntityManager em;

    /** Records (or replaces) the ticket's lesson, in the caller's transaction. */
    @Transactional
    public void record(long ticketId, String description, String categoryCode, String by, Instant at) {
        em.createNativeQuery("insert into classifier_correction (ticket_id, description, category_code, corrected_by,"
                + " corrected_at) values (?1, ?2, ?3, ?4, ?5) on conflict (ticket_id) do update set description ="
                + " excluded.description, category_code = excluded.category_code, corrected_by = excluded.corrected_by,"
                + " corrected_at = excluded.corrected_at").setParameter(1, ticketId).setParameter(2, description)
                .setParameter(3, categoryCode).setParameter(4, by).setParameter(5, at).executeUpdate();
    }

    /** The newest corrections, at most {@code limit}, newest first. */
    @Transactional
    public List<Correction> newest(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select description, category_code from classifier_correction"
                + " order by corrected_at desc, ticket_id desc limit ?1").setParameter(1, limit).getResultList();
        return rows.stream().map(r -> new Correction((String) r[0], (String) r[1])).toList();
    }
}
