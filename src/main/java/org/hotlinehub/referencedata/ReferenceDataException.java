package org.hotlinehub.referencedata;

import java.util.List;

/** A reference-data file that cannot be applied; lists every problem as "file: entry: problem". */
public class ReferenceDataException extends RuntimeException {

    private final List<String> problems;

    public ReferenceDataException(String file, List<String> problems) {
        super("reference data " + file + " was not applied (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
