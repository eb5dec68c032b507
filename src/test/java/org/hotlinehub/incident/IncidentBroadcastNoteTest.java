package org.hotlinehub.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** What of a partner's note a broadcast to residents carries: the words, without the photo's file or address. */
class IncidentBroadcastNoteTest {

    @Test
    void shouldLeaveOutThePhotoAndKeepTheNoteShort() {
        assertEquals("已恢复供水", IncidentBroadcast.note("已恢复供水 (photo attached: fix.jpg, attachment 12)"));
        assertEquals("已恢复供水", IncidentBroadcast.note("已恢复供水 (photo https://example.org/p.jpg)"));
        String longNote = "修".repeat(IncidentBroadcast.NOTE_CHARS + 20);
        assertEquals(IncidentBroadcast.NOTE_CHARS, IncidentBroadcast.note(longNote).length());
        assertEquals('…', IncidentBroadcast.note(longNote).charAt(IncidentBroadcast.NOTE_CHARS - 1));
        assertNull(IncidentBroadcast.note(null));
    }
}
