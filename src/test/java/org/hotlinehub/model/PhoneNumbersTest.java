package org.hotlinehub.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void shouldNormalizeWhatResidentsTypeToE164() {
        assertEquals(Optional.of("+8613812345678"), PhoneNumbers.normalize("138 1234 5678"));
        assertEquals(Optional.of("+8613812345678"), PhoneNumbers.normalize("+86 138-1234-5678"));
        assertEquals(Optional.of("+8613812345678"), PhoneNumbers.normalize("008613812345678"));
        assertEquals(Optional.of("+8653288776655"), PhoneNumbers.normalize("0532-88776655"));
        assertEquals(Optional.of("+14155550100"), PhoneNumbers.normalize("+1 (415) 555-0100"));
    }

    @Test
    void shouldRefuseWhatIsNotAPhoneNumber() {
        assertEquals(Optional.empty(), PhoneNumbers.normalize("12345"));
        assertEquals(Optional.empty(), PhoneNumbers.normalize("phone"));
        assertEquals(Optional.empty(), PhoneNumbers.normalize(""));
        assertEquals(Optional.empty(), PhoneNumbers.normalize(null));
    }

    @Test
    void shouldMaskPhonesAndOpenidsForLogs() {
        assertEquals("+86138****5678", Masks.phone("+8613812345678"));
        assertEquals("138****5678", Masks.phone("13812345678"));
        assertEquals("oAB***xyz", Masks.openid("oABcdefghijklmnxyz"));
    }
}
