package org.hotlinehub.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.junit.jupiter.api.Test;

/** The in-memory hierarchy answers as the database queries it replaces would. */
class ReferenceSnapshotTest {

    private static final List<PlaceNode> PLACES = List.of(
            new PlaceNode(1, null, "district", "D", true),
            new PlaceNode(2, 1L, "street", "S", true),
            new PlaceNode(3, 2L, "community", "C", true),
            new PlaceNode(4, 3L, "grid", "G1", true),
            new PlaceNode(5, 3L, "grid", "G2", false),
            new PlaceNode(6, 4L, "compound", "X", true),
            new PlaceNode(7, 2L, "grid", "G3", true),
            new PlaceNode(8, 99L, "compound", "ORPHAN", true),
            new PlaceNode(9, 10L, "grid", "LOOP-A", true),
            new PlaceNode(10, 9L, "grid", "LOOP-B", true));

    private final ReferenceSnapshot snapshot = new ReferenceSnapshot(PLACES,
            List.of(new CatalogRule(20, "repair", "property", List.of("committee", "volunteer"), List.of("plumbing"))));

    @Test
    void shouldGiveThePlaceAndItsAncestorsNearestFirst() {
        assertEquals(List.of("X", "G1", "C", "S", "D"),
                snapshot.chain(6).orElseThrow().stream().map(PlaceNode::code).toList());
        assertEquals(List.of("D"), snapshot.chain(1).orElseThrow().stream().map(PlaceNode::code).toList());
    }

    @Test
    void shouldNotAnswerForAPlaceItDoesNotHoldWhole() {
        assertEquals(Optional.empty(), snapshot.chain(42), "unknown place: the caller reads the database");
        assertEquals(Optional.empty(), snapshot.chain(8), "parent not held: the caller reads the database");
        assertEquals(Optional.empty(), snapshot.gridIdsUnder(42));
    }

    @Test
    void shouldStopAtTheDepthLimitOnACycle() {
        assertEquals(ReferenceSnapshot.MAX_DEPTH, snapshot.chain(9).orElseThrow().size());
    }

    @Test
    void shouldListActiveGridsUpToThreeLevelsBelow() {
        assertEquals(List.of(4L), snapshot.gridIdsUnder(3).orElseThrow(), "the inactive grid is left out");
        assertEquals(List.of(4L, 7L), snapshot.gridIdsUnder(2).orElseThrow().stream().sorted().toList());
        assertEquals(List.of(4L, 7L), snapshot.gridIdsUnder(1).orElseThrow().stream().sorted().toList());
        assertEquals(List.of(), snapshot.gridIdsUnder(6).orElseThrow(), "a compound has no grids below it");
    }

    @Test
    void shouldGiveTheCatalogRuleWithItsFallbacksInOrder() {
        CatalogRule rule = snapshot.rule(20).orElseThrow();
        assertEquals(List.of("property", "committee", "volunteer"), rule.partyTypes());
        assertEquals(List.of("plumbing"), rule.skills());
        assertFalse(snapshot.rule(21).isPresent());
    }

    @Test
    void shouldRefuseASnapshotReadAcrossAnInvalidation() {
        ReferenceCache cache = new ReferenceCache();
        cache.transactions = new NoTransactions();
        long readFrom = cache.generation();
        cache.invalidate(); // a change committed while the snapshot was being read
        assertFalse(cache.install(readFrom, snapshot));
        assertTrue(cache.current().isEmpty());
        assertTrue(cache.install(cache.generation(), snapshot));
        assertTrue(cache.current().isPresent());
        cache.invalidate();
        assertTrue(cache.current().isEmpty(), "stale after a change until the next snapshot is installed");
    }

    /** Outside any transaction, as the listener's thread is. */
    private static final class NoTransactions implements TransactionSynchronizationRegistry {

        @Override
        public Object getTransactionKey() {
            return null;
        }

        @Override
        public void putResource(Object key, Object value) {
            throw new IllegalStateException("no transaction");
        }

        @Override
        public Object getResource(Object key) {
            throw new IllegalStateException("no transaction");
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            throw new IllegalStateException("no transaction");
        }

        @Override
        public int getTransactionStatus() {
            return Status.STATUS_NO_TRANSACTION;
        }

        @Override
        public void setRollbackOnly() {
            throw new IllegalStateException("no transaction");
        }

        @Override
        public boolean getRollbackOnly() {
            throw new IllegalStateException("no transaction");
        }
    }
}
