package org.hotlinehub.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void shouldCountUcs2SegmentsOf70AloneAnd67Concatenated() {
        assertEquals(1, SmsSegments.segments("好".repeat(70)));
        assertEquals(2, SmsSegments.segments("好".repeat(71)));
        assertEquals(2, SmsSegments.segments("好".repeat(134)));
        assertEquals(3, SmsSegments.segments("好".repeat(135)));
        assertEquals(2, SmsSegments.segments("a".repeat(70) + "好"), "one Chinese character makes it all UCS-2");
    }

    @Test
    void shouldCountGsmSegmentsOf160AloneAnd153ConcatenatedWithExtensionCharactersAsTwo() {
        assertTrue(SmsSegments.isGsm7("Reply Y 100000009 to accept."));
        assertFalse(SmsSegments.isGsm7("Reply “Y”"));
        assertEquals(1, SmsSegments.segments("a".repeat(160)));
        assertEquals(2, SmsSegments.segments("a".repeat(161)));
        assertEquals(2, SmsSegments.segments("{".repeat(80) + "a"));
    }

    @Test
    void shouldKeepATextOfFourSegmentsWholeAndSplitLongerOnesAtSentenceEnds() {
        String four = "好".repeat(268);
        assertEquals(List.of(four), SmsSegments.split(four));

        String sentence = "楼道灯坏了一个多星期，老人晚上出门很不方便。";
        String text = sentence.repeat(14);
        List<String> parts = SmsSegments.split(text);
        assertEquals(2, parts.size());
        assertTrue(parts.get(0).startsWith("(1/2) ") && parts.get(0).endsWith("。"), parts.get(0));
        assertTrue(parts.get(1).startsWith("(2/2) "), parts.get(1));
        parts.forEach(p -> assertTrue(SmsSegments.segments(p) <= SmsSegments.MAX_SEGMENTS_PER_MESSAGE, p));
        assertEquals(text, String.join("", parts.stream().map(p -> p.substring(6)).toList()));
    }

    @Test
    void shouldCutATextWithoutPunctuationAtTheLimitWithoutBreakingASurrogatePair() {
        String text = "😀".repeat(200);
        List<String> parts = SmsSegments.split(text);
        parts.forEach(p -> assertFalse(Character.isHighSurrogate(p.charAt(p.length() - 1)), p));
        assertEquals(text, String.join("", parts.stream().map(p -> p.substring(p.indexOf(' ') + 1)).toList()));
    }
}
