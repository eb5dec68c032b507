package org.hotlinehub.model;

import java.time.Instant;

/**
 * A reference-data import running in the background, for the console's progress bar.
 *
 * @param percent 0–100; 100 once finished, applied or not
 * @param report the outcome once finished, else null
 */
public record ImportJob(String id, String source, String actor, Instant startedAt, State state, int percent,
        String phase, ImportReport report) {

    public enum State {
        RUNNING,
        APPLIED,
        REJECTED,
        FAILED
    }

    public boolean finished() {
        return state != State.RUNNING;
    }
}
