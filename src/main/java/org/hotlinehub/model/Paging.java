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
}
