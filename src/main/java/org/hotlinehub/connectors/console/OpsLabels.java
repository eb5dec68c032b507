package org.hotlinehub.connectors.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.hotlinehub.model.AppealStatus;
import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.ReturnReason;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.TimelineKind;

import io.quarkus.qute.TemplateExtension;

/**
 * Words for codes on the operator pages, in both languages (from {@link ConsoleMessages}), as {@code {ops:status(t.status, page.english)}} (a
 * namespace, so other console pages' extensions never clash).
 */
@TemplateExtension(namespace = "ops")
public final class OpsLabels {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private OpsLabels() {
    }

    private static ConsoleMessages words(boolean english) {
        return ConsolePage.bundle(ConsoleMessages.class, english);
    }

    static String status(TicketStatus status, boolean english) {
        return status == null ? "" : words(english).statusName(status);
    }

    static String channel(Channel channel, boolean english) {
        return channel == null ? "" : words(english).channelName(channel);
    }

    static String priority(String priority, boolean english) {
        return priority == null ? "" : words(english).priorityName(priority);
    }

    static String kind(TimelineKind kind, boolean english) {
        return kind == null ? "" : kind.label(english);
    }

    static String assignment(AssignmentState state, boolean english) {
        return state == null ? "" : words(english).assignmentName(state);
    }

    static String flag(String flag, boolean english) {
        return words(english).flagName(flag);
    }

    /** A partner's return reason code (退单原因) in words; an unknown code as it is. */
    static String returnReason(String code, boolean english) {
        return code == null
                ? ""
                : ReturnReason.fromCode(code).map(r -> english ? r.labelEn() : r.labelZh()).orElse(code);
    }

    static String outcome(String outcome, boolean english) {
        return outcome == null ? "" : words(english).outcomeName(outcome);
    }

    static String appeal(AppealStatus status, boolean english) {
        return status == null ? "" : words(english).appealStatusName(status);
    }

    /** Hotline time ({@code page.zone}), month-day hour:minute. */
    static String time(Instant at, ZoneId zone) {
        return at == null ? "" : TIME.withZone(zone).format(at);
    }

    /** Whether {@code at} lies before {@code now} ({@code page.now}, the hub's clock when the page was made). */
    static boolean past(Instant at, Instant now) {
        return at != null && at.isBefore(now);
    }
}
