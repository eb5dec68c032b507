package org.hotlinehub.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.hotlinehub.store.VolunteerRepository.Candidate;
import org.junit.jupiter.api.Test;

class ChunkOffersTest {

    private static final Instant AT = Instant.parse("2026-12-05T08:00:00Z");

    private static Candidate candidate(long id, int tier, long load) {
        return new Candidate(id, "V" + id, tier, load, List.of());
    }

    @Test
    void shouldPutTheChunksVolunteersWhereAFlushWould() {
        // the query's order: it sees none of the chunk's offers (neither in the open load nor in the offer times)
        List<Candidate> fromQuery = List.of(candidate(1, 0, 0), candidate(2, 0, 0), candidate(3, 0, 0),
                candidate(4, 0, 1), candidate(5, 1, 0));
        ChunkOffers chunk = new ChunkOffers();
        assertEquals(fromQuery, chunk.reorder(fromQuery), "nothing offered in the chunk: the query's order");

        chunk.offered(1, AT);
        List<Candidate> once = chunk.reorder(fromQuery);
        assertEquals(List.of(2L, 3L, 4L, 1L, 5L), ids(once),
                "1 carries the chunk's offer: after the lighter loads, after 4 (same load, offered earlier)");
        assertEquals(1, once.get(3).openLoad(), "the open load counts the chunk's offer");
        chunk.offered(3, AT);
        assertEquals(List.of(2L, 4L, 1L, 3L, 5L), ids(chunk.reorder(fromQuery)),
                "the chunk's volunteers in the order of their offers");
        chunk.offered(1, AT);
        List<Candidate> thrice = chunk.reorder(fromQuery);
        assertEquals(List.of(2L, 4L, 3L, 1L, 5L), ids(thrice), "1 holds two of the chunk's offers");
        assertEquals(2, thrice.get(3).openLoad());
        assertEquals(5, thrice.get(4).id(), "a farther tier stays behind whatever the load");
        assertEquals(2, chunk.volunteersOffered());
    }

    @Test
    void shouldKeepTheBatchsOrderButNotTheWrittenLoadAfterAChunk() {
        ChunkOffers batch = new ChunkOffers();
        batch.offered(1, AT);
        batch.chunkWritten();
        // the next chunk's query counts the written offer of 1 in its load; its offer time is still the batch's
        List<Candidate> afterFlush = List.of(candidate(2, 0, 0), candidate(1, 0, 1), candidate(3, 0, 1));
        assertEquals(List.of(2L, 3L, 1L), ids(batch.reorder(afterFlush)),
                "1 after 3 (same load, offered earlier), its load not counted twice");
        assertEquals(1, batch.reorder(afterFlush).get(2).openLoad());
        batch.offered(2, AT.plusSeconds(1));
        assertEquals(List.of(1L, 2L), List.copyOf(batch.volunteersOfferedAt().keySet()),
                "the batch's volunteers by id, for the rows locked in that order at its end");
    }

    private static List<Long> ids(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::id).toList();
    }
}
