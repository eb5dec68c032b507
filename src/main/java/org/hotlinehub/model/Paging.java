package org.hotlinehub.model;

import jakarta.ws.rs.BadRequestException;

/** The offset and limit a list endpoint pages by, checked by one rule and refused with one message. */
public final class Paging {

    private Paging() {
    }

    /**
     * @param max the largest page the endpoint serves
     * @throws BadRequestException (400) when {@code offset} is negative or {@code limit} is not between 1 and max
     */
    public static void check(int offset, int limit, int max) {
        if (offset < 0 || limit < 1 || limit > max) {
            throw new BadRequestException("offset must be >= 0 and limit between 1 and " + max);
        }
    }

    /**
     * For an endpoint that pages by a cursor or serves one page only, so has no offset.
     *
     * @param max the largest page the endpoint serves
     * @throws BadRequestException (400) when {@code limit} is not between 1 and max
     */
    public static void checkLimit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new BadRequestException("limit must be between 1 and " + max);
        }
    }
}
