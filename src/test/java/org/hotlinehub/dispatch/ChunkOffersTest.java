package org.hotlinehub.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.hotlinehub.store.VolunteerRepository.Candidate;
import org.junit.jupiter.api.Test;

class ChunkOffersTest {

    private static Candidate candidate(long id, int tier, long load) {
        return new Candidate(id, "V" + id, tier, load, List.of());
    }

    @Test
    void shouldPutTheChunksVolunteersWhereAFlushWould() {
        // the query's order, its open loads counting the chunk's offers already but not their offer times
        List<Candidate> fromQuery = List.of(candidate(1, 0, 1), candidate(2, 0, 1), candidate(3, 0, 1),
                candidate(4, 0, 2), candidate(5, 1, 0));
        ChunkOffers chunk = new ChunkOffers();
        assertEquals(fromQuery, chunk.reorder(fromQuery), "nothing offered in the chunk: the query's order");

        chunk.offered(1);
        assertEquals(List.of(2L, 3L, 1L, 4L, 5L), ids(chunk.reorder(fromQuery)),
                "1 was offered last: after the others of its load, before a heavier load");
        chunk.offered(3);
        assertEquals(List.of(2L, 1L, 3L, 4L, 5L), ids(chunk.reorder(fromQuery)),
                "the chunk's volunteers in the order of their offers");
        chunk.offered(1);
        assertEquals(List.of(2L, 3L, 1L, 4L, 5L), ids(chunk.reorder(fromQuery)));
        assertEquals(2, chunk.volunteersOffered());
    }

    private static List<Long> ids(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::id).toList();
    }
}
