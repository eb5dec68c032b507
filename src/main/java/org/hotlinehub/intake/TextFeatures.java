package org.hotlinehub.intake;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words a request is classified by, without a dictionary: every Chinese character, every pair of neighbouring
 * characters (so 停水 and 水了 are features of 又停水了), optionally every run of three (不制冷), every Latin word, and
 * every catalog keyword found in the text. Pairs and runs need no segmentation library and nothing to load at start;
 * BENCHMARKS.md ("Classifier") compares them with dictionary segmenters on the labelled reports.
 */
final class TextFeatures {

    /** Feature name prefixes: a character, a character pair, a run of three, a Latin word, a catalog keyword. */
    static final String CHAR = "c:", PAIR = "p:", TRIPLE = "t:", WORD = "w:", KEYWORD = "k:";

    private TextFeatures() {
    }

    /**
     * The distinct features of a text, in the order found.
     *
     * @param keywords the catalog's keywords, lower case; each one found adds a keyword feature
     * @param triples whether runs of three Chinese characters are features too
     */
    static Set<String> of(String text, List<String> keywords, boolean triples) {
        Set<String> features = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return features;
        }
        String s = text.toLowerCase(Locale.ROOT);
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (han(c)) {
                features.add(CHAR + c);
                if (i + 1 < n && han(s.charAt(i + 1))) {
                    features.add(PAIR + s.substring(i, i + 2));
                    if (triples && i + 2 < n && han(s.charAt(i + 2))) {
                        features.add(TRIPLE + s.substring(i, i + 3));
                    }
                }
                i++;
            } else if (latin(c)) {
                int start = i;
                while (i < n && latin(s.charAt(i))) {
                    i++;
                }
                if (i - start >= 2) {
                    features.add(WORD + s.substring(start, i));
                }
            } else {
                i++;
            }
        }
        for (String keyword : keywords) {
            if (s.contains(keyword)) {
                features.add(KEYWORD + keyword);
            }
        }
        return features;
    }

    /** A feature as an operator reads it: the characters or word without the prefix. */
    static String shown(String feature) {
        return feature.substring(2);
    }

    private static boolean han(char c) {
        return c >= '\u4e00' && c <= '\u9fff' || c >= '\u3400' && c <= '\u4dbf';
    }

    private static boolean latin(char c) {
        return c >= 'a' && c <= 'z' || c == '\'';
    }
}
