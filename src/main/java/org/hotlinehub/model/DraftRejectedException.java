package org.hotlinehub.model;

import java.util.List;

/** A catalog draft edit the reference-data rules refuse; each problem names its entry and field. */
public class DraftRejectedException extends RuntimeException {

    private final transient List<String> problems;

    public DraftRejectedException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
