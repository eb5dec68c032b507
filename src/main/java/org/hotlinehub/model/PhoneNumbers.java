package org.hotlinehub.model;

import java.util.Optional;
import java.util.regex.Pattern;

/** Normalizes what residents type as a phone number to E.164, assuming mainland China when no country is given. */
public final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");
    private static final Pattern CN_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern CN_LANDLINE = Pattern.compile("0[1-9]\\d{8,10}");

    private PhoneNumbers() {
    }

    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = SEPARATORS.matcher(raw.strip()).replaceAll("");
        if (s.startsWith("00")) {
            s = "+" + s.substring(2);
        }
        if (CN_MOBILE.matcher(s).matches()) {
            s = "+86" + s;
        } else if (CN_LANDLINE.matcher(s).matches()) {
            s = "+86" + s.substring(1);
        }
        return E164.matcher(s).matches() ? Optional.of(s) : Optional.empty();
    }
}
