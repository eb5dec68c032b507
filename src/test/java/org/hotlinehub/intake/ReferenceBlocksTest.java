package org.hotlinehub.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import jakarta.inject.Inject;

import org.hotlinehub.model.Channel;
import org.hotlinehub.model.TicketReference;
import org.hotlinehub.testsupport.HubTestResources;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** References come from blocks reserved in the database ahead of time and are never handed out twice. */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class ReferenceBlocksTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    SequenceReferenceNumbers running;

    /** A new instance stands for this node after a restart, or a second node, on the same database. */
    private SequenceReferenceNumbers restarted() {
        SequenceReferenceNumbers fresh = new SequenceReferenceNumbers();
        fresh.dataSource = dataSource;
        return fresh;
    }

    @Test
    void shouldNeverHandOutAReferenceTwiceAcrossARestart() {
        Set<String> seen = new HashSet<>();
        int perInstance = SequenceReferenceNumbers.BLOCK * SequenceReferenceNumbers.BLOCKS_AHEAD + 50;
        for (SequenceReferenceNumbers instance : new SequenceReferenceNumbers[]{running, restarted(), restarted()}) {
            for (int i = 0; i < perInstance; i++) {
                String reference = instance.next();
                assertTrue(TicketReference.isValid(reference), reference);
                assertTrue(seen.add(reference), "handed out twice: " + reference);
            }
        }
    }

    @Test
    void shouldTellARetryTheSameReferenceAndAnotherContactANewOne() {
        SequenceReferenceNumbers refs = restarted();
        String first = refs.reserve(Channel.SMS, "SM0123456789abcdef0123456789abcdef", refs.next());
        assertEquals(first, refs.reserve(Channel.SMS, "SM0123456789abcdef0123456789abcdef", refs.next()));
        assertNotEquals(first, refs.reserve(Channel.WECHAT, "SM0123456789abcdef0123456789abcdef", refs.next()));
    }
}
