package org.hotlinehub.model;

import java.util.List;
import java.util.Map;

/** The outcome of a reference-data import: applied whole with counts, or not at all with every problem. */
public record ImportReport(String source, boolean applied, Map<String, Integer> counts, List<String> problems) {
}
