package org.hotlinehub.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hotlinehub.store.VolunteerRepository.Candidate;

/**
 * The volunteer offers a dispatch chunk has made, for the volunteer query that no longer flushes the session before it
 * runs (the chunk is flushed once, at its end). The offers themselves are rows already (an assignment is inserted when
 * it is persisted: identity keys), so the query's open load counts them; what it cannot see is the volunteers' new
 * {@code last_offered_at}, still in the session. This puts the chunk's volunteers where a flush would have: after the
 * others of their tier and load, in the order of their offers.
 */
final class ChunkOffers {

    private final Map<Long, Integer> lastOffer = new HashMap<>();
    private int sequence;

    void offered(long volunteerId) {
        lastOffer.put(volunteerId, ++sequence);
    }

    /** How many more candidates to read, so that the chunk's volunteers cannot push someone better out of the limit. */
    int volunteersOffered() {
        return lastOffer.size();
    }

    /**
     * The candidates in the order the query would give after a flush: nearest tier, lightest load, then least recently
     * offered; the others keep the query's order (a stable sort).
     */
    List<Candidate> reorder(List<Candidate> candidates) {
        if (lastOffer.isEmpty()) {
            return candidates;
        }
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingInt(Candidate::tier).thenComparingLong(Candidate::openLoad)
                .thenComparingInt(c -> lastOffer.getOrDefault(c.id(), 0)));
        return sorted;
    }
}
