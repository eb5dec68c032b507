package org.hotlinehub.incident;

import java.util.Arrays;

/**
 * The trigram similarity of PostgreSQL's {@code pg_trgm} ({@code similarity(a, b)}), worked out in the hub so that
 * incident detection scores a new report against an area's open tickets without one {@code similarity()} call per
 * candidate in the database (about 80 µs for a Chinese text there; a burst keeps thousands of tickets open in one
 * grid). The rules are pg_trgm's: the text is lower-cased and cut into words of letters and digits, each word is
 * padded with two blanks in front and one behind, its trigrams are the runs of three characters, and the similarity
 * of two texts is the number of trigrams they share over the number of trigrams in either. {@code TrigramsTest} holds
 * the two equal on the labelled resident reports. Unlike pg_trgm it does not depend on the database's LC_CTYPE (a
 * database created with the C locale sees no word in a Chinese text at all).
 */
public final class Trigrams {

    private static final long[] NONE = new long[0];
    private static final int BLANK = ' ';

    private final long[] set;

    private Trigrams(long[] set) {
        this.set = set;
    }

    /** The text's set of trigrams; an empty or null text has none. */
    public static Trigrams of(String text) {
        if (text == null || text.isEmpty()) {
            return new Trigrams(NONE);
        }
        int[] cps = text.codePoints().toArray();
        long[] out = new long[cps.length * 2 + 8];
        int n = 0;
        int i = 0;
        while (i < cps.length) {
            while (i < cps.length && !Character.isLetterOrDigit(cps[i])) {
                i++;
            }
            int start = i;
            while (i < cps.length && Character.isLetterOrDigit(cps[i])) {
                i++;
            }
            if (i > start) {
                // the padded word "  w o r d ": trigrams at each of its (length + 1) starting points
                int a = BLANK;
                int b = BLANK;
                for (int k = start; k <= i; k++) {
                    int c = k < i ? Character.toLowerCase(cps[k]) : BLANK;
                    if (n == out.length) {
                        out = Arrays.copyOf(out, n * 2);
                    }
                    out[n++] = pack(a, b, c);
                    a = b;
                    b = c;
                }
            }
        }
        long[] set = Arrays.copyOf(out, n);
        Arrays.sort(set);
        int unique = 0;
        for (int k = 0; k < set.length; k++) {
            if (k == 0 || set[k] != set[k - 1]) {
                set[unique++] = set[k];
            }
        }
        return new Trigrams(Arrays.copyOf(set, unique));
    }

    /** How many distinct trigrams the text has. */
    public int size() {
        return set.length;
    }

    /** pg_trgm's similarity: shared trigrams over all trigrams of either text, 0 when either has none. */
    public double similarity(Trigrams other) {
        long[] x = set;
        long[] y = other.set;
        if (x.length == 0 || y.length == 0) {
            return 0;
        }
        int shared = 0;
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                shared++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        // pg_trgm divides in single precision: the same rounding keeps a score on a threshold where the database put it
        return (float) shared / (float) (x.length + y.length - shared);
    }

    private static long pack(int a, int b, int c) {
        return ((long) a << 42) | ((long) b << 21) | c;
    }
}
