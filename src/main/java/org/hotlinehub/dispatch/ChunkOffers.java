package org.hotlinehub.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.hotlinehub.store.OutboxStore;
import org.hotlinehub.store.TicketEntity;
import org.hotlinehub.store.TimelineRepository;
import org.hotlinehub.store.VolunteerRepository.Candidate;

/**
 * What a dispatch batch has done that is not written yet. A chunk's writes go to the database together at its end
 * (assignments in one JDBC batch at the flush; outbox rows, timeline entries and the tickets' new statuses in one
 * statement each); the volunteers' new
 * {@code last_offered_at} go at the batch's end, in one statement that locks their rows in id order. Two dispatch
 * consumers offer to the same least-recently-offered volunteers: when each flushed its chunks' volunteer updates as
 * they came, the two transactions locked those rows in different orders and deadlocked (a few times a minute under
 * load, each time a batch of 100 rolled back and done again).
 *
 * <p>The volunteer query does not flush the session first, so it sees neither the chunk's new offers in the
 * volunteers' open load nor the batch's new offer times. This puts the batch's volunteers where a flush would have:
 * their open load counts the chunk's offers, and they come after the others of their tier and load, in the order of
 * their offers.
 */
final class ChunkOffers {

    private final Map<Long, Integer> lastOffer = new HashMap<>();
    private final Map<Long, Integer> unwrittenLoad = new HashMap<>();
    private final SortedMap<Long, Instant> offeredAt = new TreeMap<>();
    private final List<TimelineRepository.Entry> timeline = new ArrayList<>();
    private final List<OutboxStore.PartnerDelivery> deliveries = new ArrayList<>();
    private final Map<Long, TicketEntity> changedTickets = new LinkedHashMap<>();
    private final java.util.Set<Long> emergencyVolunteers = new java.util.HashSet<>();
    private int sequence;

    void offered(long volunteerId, Instant at) {
        lastOffer.put(volunteerId, ++sequence);
        unwrittenLoad.merge(volunteerId, 1, Integer::sum);
        offeredAt.put(volunteerId, at);
    }

    /** A volunteer offered an emergency in this batch: offered no other (the database does not show it yet). */
    void emergencyOffered(long volunteerId) {
        emergencyVolunteers.add(volunteerId);
    }

    java.util.Set<Long> emergencyVolunteers() {
        return emergencyVolunteers;
    }

    /** The chunk's assignments and timeline entries are written (the session was flushed). */
    void chunkWritten() {
        unwrittenLoad.clear();
        changedTickets.clear();
        timeline.clear();
        deliveries.clear();
    }

    /** Each volunteer offered to in the batch with the time of its last offer, by id: for the batch's end. */
    SortedMap<Long, Instant> volunteersOfferedAt() {
        return offeredAt;
    }

    /** A timeline entry of the chunk, written with the chunk's others at its end. */
    void record(TimelineRepository.Entry entry) {
        timeline.add(entry);
    }

    List<TimelineRepository.Entry> timeline() {
        return timeline;
    }

    /** A ticket of the chunk whose status changed, written with the chunk's others at its end. */
    void changed(TicketEntity ticket) {
        changedTickets.put(ticket.id, ticket);
    }

    Collection<TicketEntity> changedTickets() {
        return changedTickets.values();
    }

    /** An offer's outbox row, written with the chunk's others at its end. */
    OutboxStore.PartnerDelivery deliver(OutboxStore.PartnerDelivery delivery) {
        deliveries.add(delivery);
        return delivery;
    }

    List<OutboxStore.PartnerDelivery> deliveries() {
        return deliveries;
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
