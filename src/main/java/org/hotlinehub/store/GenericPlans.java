package org.hotlinehub.store;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Runs the dispatch decision's queries with PostgreSQL's generic plans for their prepared statements. Their
 * parameters are arrays and ids, for which the server otherwise plans each execution afresh ("custom plans"); the
 * planning cost more than the execution (bench/dispatch-bench.sh, target P6). Scoped to the work: the setting is
 * transaction-local and reset afterwards, so no other query of the transaction is planned differently.
 */
@ApplicationScoped
public class GenericPlans {

    @Inject
    EntityManager entityManager;

    public <T> T during(Supplier<T> work) {
        Session session = entityManager.unwrap(Session.class);
        session.doWork(c -> {
            try (var set = c.createStatement()) {
                set.execute("SET LOCAL plan_cache_mode = force_generic_plan");
            }
        });
        try {
            return work.get();
        } finally {
            session.doWork(c -> {
                try (var reset = c.createStatement()) {
                    reset.execute("RESET plan_cache_mode");
                }
            });
        }
    }
}
