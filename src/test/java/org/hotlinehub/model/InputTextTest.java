package org.hotlinehub.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class InputTextTest {

    @Test
    void shouldRemoveNulAndOtherC0ControlsButKeepTabNewlineAndCr() {
        assertEquals("ab\tc\nd\re", InputText.clean("a\u0000b\tc\nd\re\u0001\u001b\u001f"));
        assertNull(InputText.clean(null));
        String plain = "楼道灯坏了";
        assertSame(plain, InputText.clean(plain), "clean text is not copied");
    }

    @Test
    void shouldNameTheFieldWhenTextIsTooLong() {
        assertNull(InputText.tooLong("name", "名".repeat(100), InputLimits.NAME));
        assertEquals("name is limited to 100 characters", InputText.tooLong("name", "名".repeat(101),
                InputLimits.NAME));
    }
}
