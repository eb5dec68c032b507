package org.hotlinehub.connectors.api;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.function.Function;

import jakarta.ws.rs.BadRequestException;

/**
 * The opaque cursors the ticket list and the ticket export page by: the position's text in URL-safe Base64, so a
 * client passes it back unchanged and reads nothing into it. A cursor that does not decode to a position of the
 * endpoint's own is refused with 400.
 */
final class PageCursors {

    private PageCursors() {
    }

    static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param read the position in the decoded text, or null when the text is not one of the endpoint's positions
     * @param refusal the 400 answer's message, with {@code %s} for the cursor
     * @return null for no cursor (the first page)
     */
    static <T> T decode(String cursor, Function<String, T> read, String refusal) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            T position = read.apply(new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8));
            if (position != null) {
                return position;
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // falls through to the answer below
        }
        throw new BadRequestException(String.format(refusal, cursor));
    }
}
