package org.hotlinehub.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hotlinehub.store.TimelineRepository;
import org.hotlinehub.store.VolunteerRepository.Candidate;

/**
 * What a dispatch chunk has done that is not written yet: the chunk's writes go to the database together at its end
 * (assignments in one JDBC batch at the flush, timeline entries in one statement). The volunteer query no longer
 * flushes the session before it runs, so it sees neither the chunk's new offers in the volunteers' open load nor their
 * new {@code last_offered_at}. This puts the chunk's volunteers where a flush would have: their open load counts the
 * chunk's offers, and they come after the others of their tier and load, in the order of their offers.
 */
final class ChunkOffers {

    private final Map<Long, Integer> lastOffer = new HashMap<>();
    private final Map<Long, Integer> unwrittenLoad = new HashMap<>();
    private final List<TimelineRepository.Entry> timeline = new ArrayList<>();
    private int sequence;

    void offered(long volunteerId) {
        lastOffer.put(volunteerId, ++sequence);
        unwrittenLoad.merge(volunteerId, 1, Integer::sum);
    }

    /** A timeline entry of the chunk, written with the others at its end. */
    void record(TimelineRepository.Entry entry) {
        timeline.add(entry);
    }

    List<TimelineRepository.Entry> timeline() {
        return timeline;
    }

    /** How many more candidates to read, so that the chunk's volunteers cannot push someone better out of the limit. */
    int volunteersOffered() {
        return lastOffer.size();
    }

    /**
     * The candidates as the query would give them after a flush: their open load with the chunk's own offers, in the
     * order nearest tier, lightest load, then least recently offered; the others keep the query's order (a stable
     * sort).
     */
    List<Candidate> reorder(List<Candidate> candidates) {
        if (lastOffer.isEmpty()) {
            return candidates;
        }
        List<Candidate> sorted = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            int unwritten = unwrittenLoad.getOrDefault(c.id(), 0);
            sorted.add(unwritten == 0
                    ? c
                    : new Candidate(c.id(), c.code(), c.tier(), c.openLoad() + unwritten, c.onDuty()));
        }
        sorted.sort(Comparator.comparingInt(Candidate::tier).thenComparingLong(Candidate::openLoad)
                .thenComparingInt(c -> lastOffer.getOrDefault(c.id(), 0)));
        return sorted;
    }
}
