package org.hotlinehub.connectors.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.AssignmentView;
import org.junit.jupiter.api.Test;

/** What an SMS partner reads when its clocks warn, pass, pause or resume. */
class PartnerSmsTextTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static AssignmentView assignment(AssignmentState state) {
        return new AssignmentView(7, state, "lead", Instant.parse("2026-11-23T01:00:00Z"),
                Instant.parse("2026-11-23T02:00:00Z"), Instant.parse("2026-11-24T01:00:00Z"), "rules",
                new AssignmentView.TicketSummary("100000017", "property-repair", "物业报修", "normal", "漏水", null,
                        null, 1),
                Map.of(), null, null);
    }

    @Test
    void shouldTellTheDeadlineInHotlineTime() {
        assertEquals("提醒：工单100000017请在11月23日10:00前回复 Y 100000017 接单。",
                TwilioSmsPartnerTransport.text("assignment.deadline-warning", assignment(AssignmentState.OFFERED),
                        SHANGHAI));
        assertEquals("提醒：工单100000017请在11月24日09:00前办结，办完回复 OK 100000017。",
                TwilioSmsPartnerTransport.text("assignment.deadline-warning", assignment(AssignmentState.ACCEPTED),
                        SHANGHAI));
        assertEquals("工单100000017已超过办结时限（11月24日09:00），已转主管督办，请尽快办理，办完回复 OK 100000017。",
                TwilioSmsPartnerTransport.text("assignment.overdue", assignment(AssignmentState.ACCEPTED), SHANGHAI));
        assertEquals("工单100000017恢复计时，请在11月24日09:00前办结。",
                TwilioSmsPartnerTransport.text("assignment.resumed", assignment(AssignmentState.ACCEPTED), SHANGHAI));
    }

    @Test
    void shouldTellTheDeadlineInTheConfiguredZone() {
        // hub.deadlines.zone set to another zone: the same instants are written in that zone's local time
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertEquals("提醒：工单100000017请在11月23日03:00前回复 Y 100000017 接单。",
                TwilioSmsPartnerTransport.text("assignment.deadline-warning", assignment(AssignmentState.OFFERED),
                        berlin));
        assertEquals("工单100000017恢复计时，请在11月24日02:00前办结。",
                TwilioSmsPartnerTransport.text("assignment.resumed", assignment(AssignmentState.ACCEPTED), berlin));
    }
}
