package org.hotlinehub.model;

/**
 * Ticket numbers: digits only, so they can be typed on a phone keypad or read out by an IVR, ending in a Luhn check
 * digit so that a mistyped number is caught instead of finding someone else's ticket.
 */
public final class TicketReference {

    /** The shortest number the hub gives: serials start at 10,000,000 (V1), so eight digits and the check digit. */
    public static final int SHORTEST = 9;

    private TicketReference() {
    }

    /** Whether {@code text} is a whole ticket number as the hub gives them (long enough, check digit right). */
    public static boolean isTicketNumber(String text) {
        return text != null && text.length() >= SHORTEST && isValid(text);
    }

    public static String of(long serial) {
        String body = Long.toString(serial);
        return body + checkDigit(body);
    }

    public static boolean isValid(String reference) {
        if (reference == null || reference.length() < 2 || !reference.chars().allMatch(Character::isDigit)) {
            return false;
        }
        String body = reference.substring(0, reference.length() - 1);
        return checkDigit(body) == reference.charAt(reference.length() - 1) - '0';
    }

    static int checkDigit(String digits) {
        int sum = 0;
        boolean doubleIt = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }
}
