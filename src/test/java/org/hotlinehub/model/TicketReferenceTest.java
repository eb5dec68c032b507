package org.hotlinehub.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TicketReferenceTest {

    @Test
    void shouldAppendLuhnCheckDigit() {
        assertEquals("79927398713", TicketReference.of(7992739871L));
        assertEquals("100000009", TicketReference.of(10000000L));
    }

    @Test
    void shouldCatchASingleMistypedDigitOrASwap() {
        String ref = TicketReference.of(10003411L);
        assertTrue(TicketReference.isValid(ref));
        for (int i = 0; i < ref.length(); i++) {
            char[] typo = ref.toCharArray();
            typo[i] = (char) ('0' + (typo[i] - '0' + 1) % 10);
            assertFalse(TicketReference.isValid(new String(typo)), new String(typo));
        }
        assertFalse(TicketReference.isValid("1000341" + ref.charAt(8) + ref.charAt(7)));
        assertFalse(TicketReference.isValid("12a4"));
        assertFalse(TicketReference.isValid(null));
    }
}
