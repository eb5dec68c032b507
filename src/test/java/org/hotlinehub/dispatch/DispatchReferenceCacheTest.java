package org.hotlinehub.dispatch;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hotlinehub.store.CatalogEntryEntity;
import org.hotlinehub.store.CatalogRule;
import org.hotlinehub.store.DispatchDirectory;
import org.hotlinehub.store.PlaceEntity;
import org.hotlinehub.store.PlaceNode;
import org.hotlinehub.store.ReferenceCache;
import org.hotlinehub.store.ReferenceSnapshot;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Dispatch reads the catalog's rules and the place hierarchy from memory; these tests change them every way the hub
 * meets (plain SQL from outside, the hub's own entities, inside the deciding transaction) and check that the next
 * decision follows.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class DispatchReferenceCacheTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Inject
    Sql sql;
    @Inject
    PartnerSelector selector;
    @Inject
    ReferenceCache cache;
    @Inject
    DispatchDirectory directory;
    @Inject
    EntityManager entityManager;

    private String category;
    private long categoryId;

    @BeforeEach
    void newCategory() {
        // a catalog entry of its own: residents' committee work, taken by RC-GUANHAI for Haiyun Garden
        category = "test-cache-" + SEQUENCE.incrementAndGet();
        sql.update("insert into catalog_entry (code, name_zh, urgency, accept_within_s, resolve_within_s, party_type)"
                + " values (?, '缓存测试', 'normal', 1800, 172800, 'residents-committee')", category);
        categoryId = ((Number) sql.one("select id from catalog_entry where code = ?", category)).longValue();
        awaitCachedRule("residents-committee");
    }

    /** Waits until the cache holds the test entry with that party type (loaded by the listener, not read on a miss). */
    private void awaitCachedRule(String partyType) {
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.current().flatMap(s -> s.rule(categoryId))
                .map(CatalogRule::partyType).filter(partyType::equals).isPresent());
    }

    /** Waits until the cache holds the place with that parent. */
    private void awaitCachedParent(String place, String parent) {
        long placeId = ((Number) sql.one("select id from place where code = ?", place)).longValue();
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.current().flatMap(s -> s.chain(placeId))
                .filter(chain -> chain.size() > 1 && chain.get(1).code().equals(parent)).isPresent());
    }

    private String decide(String compound) {
        return QuarkusTransaction.requiringNew().call(() -> decideHere(compound));
    }

    private String decideHere(String compound) {
        long placeId = ((Number) sql.one("select id from place where code = ?", compound)).longValue();
        return selector.choose(entityManager.getReference(CatalogEntryEntity.class, categoryId),
                entityManager.getReference(PlaceEntity.class, placeId), Tried.none())
                .map(Choice::reason).orElse("nobody");
    }

    @Test
    void shouldDecideFromTheCacheOnceItHoldsTheCatalogAndThePlaces() {
        long garden = ((Number) sql.one("select id from place where code = 'HY-GARDEN'")).longValue();
        assertEquals(List.of("HY-GARDEN", "SN-01-03-G07", "SN-01-03", "SN-01", "SN"), cache.current()
                .flatMap(s -> s.chain(garden)).orElseThrow().stream().map(PlaceNode::code).toList(),
                "the listener holds the whole hierarchy, up to the district");
        assertEquals("compound HY-GARDEN → residents' committee RC-GUANHAI by catalog " + category
                + " (serves community SN-01-03)", decide("HY-GARDEN"));
    }

    @Test
    void shouldLookForVolunteersRingByRingOutward() {
        // only V-T1 (grid TEST-GRID, community SN-01-05, street SN-01) has both skills
        sql.update("update catalog_entry set party_type = 'volunteer', skills = '{test-skill,shopping}' where id = ?",
                categoryId);
        awaitCachedRule("volunteer");
        assertEquals("compound TEST-VOL-COURT → volunteer V-T1 by catalog " + category
                + " (same grid; skills test-skill, shopping; open load 0)",
                decide("TEST-VOL-COURT").replaceAll(
                        "open load \\d+", "open load 0"));
        assertTrue(decide("DX-COURT").contains("volunteer V-T1 by catalog " + category + " (same community;"));
        assertTrue(decide("HY-GARDEN").contains("volunteer V-T1 by catalog " + category + " (same street;"));
        assertTrue(decide("TPJ-GARDEN").contains("volunteer V-T1 by catalog " + category + " (same district;"));
    }

    @Test
    void shouldAnswerFromTheDatabaseAsFromTheCache() {
        ReferenceSnapshot cached = cache.current().orElseThrow();
        long garden = placeId("HY-GARDEN");
        QuarkusTransaction.begin();
        try {
            // a write to a place in this transaction: from here on the directory reads the database
            entityManager.find(PlaceEntity.class, garden).updatedAt = Instant.now();
            entityManager.flush();
            assertTrue(cache.current().isEmpty());
            for (String place : List.of("SN", "SN-01", "SN-01-03", "SN-02-04", "HY-GARDEN")) {
                assertEquals(sorted(cached.gridIdsUnder(placeId(place)).orElseThrow()),
                        sorted(directory.gridIdsUnder(placeId(place))), "grids under " + place);
            }
            assertEquals(cached.chain(garden).orElseThrow(),
                    directory.chain(entityManager.getReference(PlaceEntity.class, garden)));
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    private long placeId(String code) {
        return ((Number) sql.one("select id from place where code = ?", code)).longValue();
    }

    private static List<Long> sorted(List<Long> ids) {
        return ids.stream().sorted().toList();
    }

    @Test
    void shouldFollowAChangeCommittedWithSqlOutsideTheHub() {
        // as another hub node or a database administrator would: no entity of this node is involved
        // as another hub node or a database administrator would: no entity of this node is involved, so only the
        // database's notification can tell the cache, which holds the old rule
        sql.update("update catalog_entry set party_type = 'property-firm', fallback_types = '{residents-committee}'"
                + " where id = ?", categoryId);
        awaitCachedRule("property-firm");
        assertTrue(decide("HY-GARDEN").contains("→ property firm PF-HAIYUN by catalog"));

        // the hierarchy too: a new compound under another community, then moved under Guanhai Road
        String compound = "TEST-CACHE-" + category;
        sql.update("insert into place (code, type, parent_id, name_zh) select ?, 'compound', id, '缓存测试小区'"
                + " from place where code = 'SN-01-05-G10'", compound);
        awaitCachedParent(compound, "SN-01-05-G10");
        assertTrue(decide(compound).contains("RC-DAXUE"));
        sql.update("update place set parent_id = (select id from place where code = 'SN-01-03-G08') where code = ?",
                compound);
        awaitCachedParent(compound, "SN-01-03-G08");
        assertTrue(decide(compound).contains("RC-GUANHAI"));
    }

    @Test
    void shouldFollowAPartnersServicesChangedWithSqlOutsideTheHub() {
        // the partner found for this kind of ticket at this place is held in memory after the first decision
        assertTrue(decide("HY-GARDEN").contains("RC-GUANHAI by catalog " + category + " ("));
        assertTrue(decide("HY-GARDEN").contains("RC-GUANHAI by catalog " + category + " ("));
        long guanhai = ((Number) sql.one("select id from partner where code = 'RC-GUANHAI'")).longValue();
        try {
            // RC-GUANHAI now offers one other service only: the database's notification must drop what is held
            sql.update("insert into partner_service (partner_id, catalog_code) values (?, 'test-cache-other')",
                    guanhai);
            await().atMost(Duration.ofSeconds(10)).until(() -> !decide("HY-GARDEN").contains("RC-GUANHAI"));
        } finally {
            sql.update("delete from partner_service where partner_id = ? and catalog_code = 'test-cache-other'",
                    guanhai);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> decide("HY-GARDEN").contains("RC-GUANHAI"));
    }

    @Test
    void shouldDecideByTheHubsOwnCommittedChangeAtOnce() {
        QuarkusTransaction.requiringNew().run(() -> {
            CatalogEntryEntity entry = entityManager.find(CatalogEntryEntity.class, categoryId);
            entry.partyType = "police-desk"; // PD-GUANHAI takes only public-order, nobody is a mediator here
            entry.fallbackTypes = List.of("mediation", "residents-committee", "volunteer");
        });
        // no waiting for the database's notification: the commit itself made this node's cache stale
        String reason = decide("HY-GARDEN");
        assertEquals("compound HY-GARDEN → residents' committee RC-GUANHAI by catalog " + category
                + " (serves community SN-01-03), fallback after police-desk, mediation", reason);
    }

    @Test
    void shouldDecideByItsOwnUncommittedChangeInsideTheTransaction() {
        String changed;
        QuarkusTransaction.begin();
        try {
            CatalogEntryEntity entry = entityManager.find(CatalogEntryEntity.class, categoryId);
            entry.partyType = "property-firm";
            entry.fallbackTypes = List.of("residents-committee");
            entityManager.flush();
            changed = decideHere("HY-GARDEN");
        } finally {
            QuarkusTransaction.rollback();
        }
        assertTrue(changed.contains("→ property firm PF-HAIYUN by catalog"), changed);
        awaitCachedRule("residents-committee");
        assertTrue(decide("HY-GARDEN").contains("RC-GUANHAI by catalog " + category + " ("),
                "rolled back: the rule is as before");
    }
}
