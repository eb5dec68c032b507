package org.hotlinehub.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How a text travels as SMS: GSM-7 when every character is in the GSM alphabet (160 characters in one segment, 153
 * per segment when concatenated), otherwise UCS-2, as every Chinese text (70 in one, 67 per concatenated segment).
 * Long texts are split into several messages at sentence ends, because concatenated SMS of many parts often arrive
 * broken up or out of order on older handsets.
 */
public final class SmsSegments {

    /** A text longer than this many segments is sent as several numbered messages. */
    public static final int MAX_SEGMENTS_PER_MESSAGE = 4;

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENDED = "^{}\\[~]|€\f";
    private static final String BREAKS_STRONG = "。！？!?；;\n";
    private static final String BREAKS_WEAK = "，,、 ";

    private SmsSegments() {
    }

    public static boolean isGsm7(String text) {
        return text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENDED.indexOf(c) >= 0);
    }

    /** Segments Twilio bills and the handset reassembles for this text as one message. */
    public static int segments(String text) {
        if (text.isEmpty()) {
            return 1;
        }
        if (isGsm7(text)) {
            int septets = text.chars().map(c -> GSM_EXTENDED.indexOf(c) >= 0 ? 2 : 1).sum();
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }
        int units = text.length();
        return units <= 70 ? 1 : (units + 66) / 67;
    }

    /**
     * The text as one message when it fits in {@link #MAX_SEGMENTS_PER_MESSAGE} segments, else as several, each
     * prefixed "(i/n)" and cut at the last sentence end (else comma or space) that keeps it within the limit.
     */
    public static List<String> split(String text) {
        if (segments(text) <= MAX_SEGMENTS_PER_MESSAGE) {
            return List.of(text);
        }
        int perSegment = isGsm7(text) ? 153 : 67;
        int budget = perSegment * MAX_SEGMENTS_PER_MESSAGE - "(10/10) ".length();
        List<String> parts = new ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty()) {
            if (rest.length() <= budget) {
                parts.add(rest);
                break;
            }
            int cut = lastBreak(rest, budget, BREAKS_STRONG);
            if (cut < budget / 2) {
                cut = Math.max(cut, lastBreak(rest, budget, BREAKS_WEAK));
            }
            if (cut < budget / 2) {
                cut = Character.isHighSurrogate(rest.charAt(budget - 1)) ? budget - 1 : budget;
            }
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        List<String> numbered = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            numbered.add("(" + (i + 1) + "/" + parts.size() + ") " + parts.get(i));
        }
        return numbered;
    }

    /** Index just after the last break character within the first {@code limit} characters, or 0. */
    private static int lastBreak(String s, int limit, String breaks) {
        for (int i = Math.min(limit, s.length()) - 1; i > 0; i--) {
            if (breaks.indexOf(s.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return 0;
    }
}
