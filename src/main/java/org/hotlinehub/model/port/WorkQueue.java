package org.hotlinehub.model.port;

import java.util.List;

import org.hotlinehub.model.QueueItem;
import org.hotlinehub.model.SurgeItem;

/** The operators' live queue: triage items and new tickets that no partner has accepted yet. */
public interface WorkQueue {

    /**
     * Most pressing first: emergencies nobody took in their window, then urgent, then vulnerable residents, then the
     * longest waiting.
     */
    List<QueueItem> items(int limit);

    /** The surges of open incidents, newest first, with their reports per channel. */
    List<SurgeItem> surges(int limit);

    /**
     * Changes whenever one of the first {@code limit} items enters, leaves, moves or changes, and whenever a surge is
     * declared, confirmed or gains a reporter; the console polls it to push updates of what it shows.
     */
    String fingerprint(int limit);
}
