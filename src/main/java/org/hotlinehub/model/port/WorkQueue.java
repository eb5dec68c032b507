package org.hotlinehub.model.port;

import java.util.List;

import org.hotlinehub.model.QueueItem;

/** The operators' live queue: triage items and new tickets that no partner has accepted yet. */
public interface WorkQueue {

    /** Most pressing first: urgent, then vulnerable residents, then the longest waiting. */
    List<QueueItem> items(int limit);

    /** Changes whenever an item enters, leaves or changes; the console polls it to push updates. */
    String fingerprint();
}
