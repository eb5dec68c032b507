package org.hotlinehub.model;

import java.util.List;

/**
 * What the triage form offers an operator to pick from (never chosen for them): the classifier's likeliest categories
 * for the ticket's description, and the places its locator finds.
 */
public record TriageSuggestions(List<CategoryGuess> categories, List<PlaceGuess> places) {

    public static final TriageSuggestions NONE = new TriageSuggestions(List.of(), List.of());

    /** A category with the classifier's confidence in percent and the words that weighed most for it. */
    public record CategoryGuess(CatalogItem category, int percent, List<String> words) {

        /** The words, as one list for a tooltip. */
        public String wordList() {
            return String.join("、", words);
        }
    }

    /** A compound the request names or is near ({@code home} false), or the resident's registered home. */
    public record PlaceGuess(PlaceItem place, boolean home) {
    }
}
