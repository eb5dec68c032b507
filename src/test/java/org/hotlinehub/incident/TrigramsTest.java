package org.hotlinehub.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The hub's trigram similarity is pg_trgm's: every pair below, scored by PostgreSQL's {@code similarity()} on the
 * hub's own database, scores the same in the hub, to single precision. Detection's thresholds were chosen on
 * pg_trgm's numbers; a difference here would move reports across them.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class TrigramsTest {

    @Inject
    AgroalDataSource db;

    /** Texts a database word splitter could read differently: case, digits, punctuation, mixed scripts, blanks. */
    private static final List<String> EDGES = List.of("", " ", "，。！", "A", "ab", "AbC abc", "3号楼", "3号楼 漏水",
            "海韵花园3号楼漏水了，楼上往下滴水", "海韵花园3号楼 漏水了!!楼上往下滴水", "Lift in Block 7 is BROKEN again",
            "lift in block 7 is broken", "电梯坏了😡😡", "停水停水停水", "路灯不亮 road-light_out 12:30", "ÉCOLE école",
            "ｆｕｌｌ　ｗｉｄｔｈ　１２", "a\tb\nc", "水", "水水");

    @Test
    void shouldScoreEveryPairOfResidentReportsAsPgTrgmDoes() throws Exception {
        List<String> texts = new ArrayList<>(EDGES);
        texts.addAll(labelled());
        List<String[]> pairs = new ArrayList<>();
        for (String a : EDGES) {
            for (String b : EDGES) {
                pairs.add(new String[]{a, b});
            }
        }
        // each labelled report against its neighbours (often the same need in other words) and a far one
        for (int i = EDGES.size(); i < texts.size(); i++) {
            for (int step : new int[]{1, 2, 5, 97}) {
                pairs.add(new String[]{texts.get(i), texts.get(EDGES.size() + (i - EDGES.size() + step)
                        % (texts.size() - EDGES.size()))});
            }
            // and against itself with a neighbour's words appended, as a follow-up appends them
            pairs.add(new String[]{texts.get(i), texts.get(i) + "\n" + texts.get(Math.max(EDGES.size(), i - 1))});
        }
        int similar = 0;
        try (Connection c = db.getConnection();
                PreparedStatement st = c.prepareStatement("select similarity(?, ?)")) {
            for (String[] pair : pairs) {
                st.setString(1, pair[0]);
                st.setString(2, pair[1]);
                float expected;
                try (ResultSet r = st.executeQuery()) {
                    r.next();
                    expected = r.getFloat(1);
                }
                double actual = Trigrams.of(pair[0]).similarity(Trigrams.of(pair[1]));
                assertEquals(expected, (float) actual, 0f, () -> "similarity('" + pair[0] + "', '" + pair[1] + "')");
                if (expected >= 0.3f) {
                    similar++;
                }
            }
        }
        // the pairs span the thresholds' range, not only unrelated texts
        assertTrue(pairs.size() > 3000 && similar > 500, pairs.size() + " pairs, " + similar + " similar");
    }

    private static List<String> labelled() throws IOException {
        try (InputStream in = TrigramsTest.class.getResourceAsStream("/classifier/labelled.tsv")) {
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int tab = line.indexOf('\t');
                if (tab > 0 && !line.startsWith("#")) {
                    out.add(line.substring(tab + 1).strip());
                }
            }
            return out;
        }
    }
}
