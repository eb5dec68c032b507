package org.hotlinehub.connectors.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotlinehub.model.AppealStatus;
import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.PartnerType;
import org.hotlinehub.model.PlaceType;
import org.hotlinehub.model.ResidentFlags;
import org.hotlinehub.model.ReturnReason;
import org.hotlinehub.model.SurveyResult;
import org.hotlinehub.model.SystemReason;
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
        return ResidentFlags.name(flag, english);
    }

    /**
     * A stored text with the hub's own reasons in it (a triage reason, a timeline entry) in the page's language: each
     * {@link SystemReason} found is put in words from the bundle, return reason codes too; a person's words stay as
     * they were written. English pages show the text as stored (it is English), but for the reasons that carry both
     * languages ({@link #BOTH_LANGUAGES}), which show their English half.
     */
    static String reason(String text, boolean english) {
        if (text == null) {
            return "";
        }
        if (english) {
            return englishHalves(text);
        }
        List<SystemReason.Found> found = SystemReason.find(text);
        if (found.isEmpty()) {
            return text;
        }
        ConsoleMessages words = words(false);
        StringBuilder s = new StringBuilder();
        int at = 0;
        for (SystemReason.Found f : found) {
            String between = text.substring(at, f.start());
            s.append("; ".equals(between) ? words.reasonSeparator() : between);
            // a value may hold a reason of its own (how a place was found): in words too
            List<String> v = new java.util.ArrayList<>();
            for (int i = 0; i < f.values().size(); i++) {
                v.add(inWords(f.reason(), i, durationIn(returnReasonIn(reason(f.values().get(i), false)), words),
                        words));
            }
            s.append(words.systemReason(f.reason().name(), value(v, 0), value(v, 1), value(v, 2), value(v, 3),
                    value(v, 4)));
            at = f.end();
        }
        return s.append(text.substring(at)).toString();
    }

    /** Reasons written in both languages at once ("不满意 / dissatisfied"): an English page shows the English. */
    private static final Set<SystemReason> BOTH_LANGUAGES = Set.of(SystemReason.SURVEY_ANSWER_BOTH);

    private static String englishHalves(String text) {
        StringBuilder s = new StringBuilder();
        int at = 0;
        for (SystemReason.Found f : SystemReason.find(text)) {
            if (BOTH_LANGUAGES.contains(f.reason())) {
                List<String> v = f.values();
                s.append(text, at, f.start()).append(words(true).systemReason(f.reason().name(), value(v, 0),
                        value(v, 1), value(v, 2), value(v, 3), value(v, 4)));
                at = f.end();
            }
        }
        return s.append(text.substring(at)).toString();
    }

    /** The values (by position) of the reasons that are one of the hub's words, put in words by {@link #codeWord}. */
    private static final Map<SystemReason, Set<Integer>> WORD_VALUES = Map.ofEntries(
            Map.entry(SystemReason.OFFER_BY_CATALOG, Set.of(0, 2)), Map.entry(SystemReason.STAFF_AT_ONCE, Set.of(0, 2)),
            Map.entry(SystemReason.SERVES_AREA, Set.of(0)), Map.entry(SystemReason.VOLUNTEER_NEAR, Set.of(0)),
            Map.entry(SystemReason.VOLUNTEER_NEAR_SKILLS, Set.of(0)), Map.entry(SystemReason.WITHDRAWN, Set.of(0)),
            Map.entry(SystemReason.REPORTER_JOINED, Set.of(1)), Map.entry(SystemReason.DETECTED_SAME_AREA, Set.of(1)),
            Map.entry(SystemReason.APPEAL_FILED, Set.of(0)), Map.entry(SystemReason.APPEAL_UPHELD, Set.of(1)),
            Map.entry(SystemReason.APPEAL_REJECTED, Set.of(1)),
            Map.entry(SystemReason.SURVEY_NOT_APPLIED, Set.of(0, 1)),
            Map.entry(SystemReason.LOCATED, Set.of(0)), Map.entry(SystemReason.PLACE_CHOSEN, Set.of(0)),
            Map.entry(SystemReason.LOCATED_AFTER_FOLLOW_UP, Set.of(0)));

    /** The values (by position) that list counts of the hub's words ("web 3, sms 2"), each word put in words. */
    private static final Map<SystemReason, Set<Integer>> LIST_VALUES = Map.of(SystemReason.SURGE_DECLARED, Set.of(2));

    private static final Pattern COUNT = Pattern.compile("(\\S+) (\\d+)");
    private static final Pattern ISO_DURATION = Pattern.compile("PT(?:\\d+H)?(?:\\d+M)?(?:\\d+(?:\\.\\d+)?S)?");

    /** The values (by position) that are a call's outcome as Twilio says it (no-answer, busy …). */
    private static final Map<SystemReason, Set<Integer>> CALL_OUTCOMES = Map.of(SystemReason.MASKED_CALL, Set.of(2));

    /** Value {@code i} of a reason, put in words where it is one of the hub's words, a list of them or an outcome. */
    private static String inWords(SystemReason reason, int i, String value, ConsoleMessages words) {
        if (WORD_VALUES.getOrDefault(reason, Set.of()).contains(i)) {
            return codeWord(value, words);
        }
        if (LIST_VALUES.getOrDefault(reason, Set.of()).contains(i)) {
            return countsIn(value, words);
        }
        return CALL_OUTCOMES.getOrDefault(reason, Set.of()).contains(i) ? words.callOutcome(value) : value;
    }

    /** "web 3, sms 2" as "网页 3，短信 2"; a list that is not one as it is. */
    private static String countsIn(String value, ConsoleMessages words) {
        List<String> items = Arrays.asList(value.split(", "));
        if (!items.stream().allMatch(i -> COUNT.matcher(i).matches())) {
            return value;
        }
        return String.join(words.listSeparator(), items.stream().map(i -> {
            Matcher m = COUNT.matcher(i);
            m.matches();
            return codeWord(m.group(1), words) + " " + m.group(2);
        }).toList());
    }

    /** A value that is an ISO-8601 duration (PT72H, PT3M) in words ("72 小时", "3 分钟"); any other as it is. */
    private static String durationIn(String value, ConsoleMessages words) {
        if (value.length() < 3 || !ISO_DURATION.matcher(value).matches()) {
            return value;
        }
        Duration d = Duration.parse(value);
        return words.durationWords(d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }

    /** A sent message's state (the outbox's: sandbox, blocked …, or the carrier's: delivered …) in words. */
    static String messageState(String state, boolean english) {
        return state == null ? "" : words(english).messageState(state);
    }

    /** What a sent message was for (operator-message, survey …) in words; an unknown purpose as it is. */
    static String purpose(String purpose, boolean english) {
        return purpose == null ? "" : words(english).purposeName(purpose);
    }

    /** A message's detail: the carrier's state in words, or the outbox's reason ({@link #reason}). */
    static String messageDetail(String detail, boolean english) {
        if (detail == null) {
            return "";
        }
        String state = words(english).messageState(detail);
        return !state.equals(detail) ? state : reason(detail, english);
    }

    /**
     * A value that is one of the hub's words in English (a place type, a partner type as a reason names it, a channel,
     * an assignment's role, a call-back result, a ticket's state) in Chinese; any other value as it is.
     */
    private static String codeWord(String value, ConsoleMessages words) {
        String v = value.strip();
        Optional<String> found = PlaceType.fromCode(v)
                .map(t -> ConsolePage.bundle(AdminMessages.class, false).placeType(t.code()))
                .or(() -> Arrays.stream(PartnerType.values())
                        .filter(t -> t.nameEn().toLowerCase(Locale.ROOT).equals(v) || t.code().equals(v))
                        .findFirst().map(PartnerType::nameZh))
                .or(() -> Arrays.stream(Channel.values()).filter(c -> c.name().equalsIgnoreCase(v)).findFirst()
                        .map(words::channelName))
                .or(() -> Arrays.stream(SurveyResult.values())
                        .filter(r -> r.name().equalsIgnoreCase(v) || r.labelEn().equals(v)).findFirst()
                        .map(SurveyResult::labelZh))
                .or(() -> Arrays.stream(TicketStatus.values())
                        .filter(t -> t.name().toLowerCase(Locale.ROOT).replace('_', ' ').equals(v)).findFirst()
                        .map(words::statusName))
                .or(() -> "lead".equals(v)
                        ? Optional.of(words.lead())
                        : "support".equals(v) ? Optional.of(words.support()) : Optional.empty());
        return found.orElse(value);
    }

    private static String value(List<String> values, int i) {
        return i < values.size() ? values.get(i) : "";
    }

    /** A return reason code at the start of a value ("not-our-duty — 不归我们管") in Chinese. */
    private static String returnReasonIn(String value) {
        for (ReturnReason r : ReturnReason.values()) {
            if (value.equals(r.code()) || value.startsWith(r.code() + " ")) {
                return r.labelZh() + value.substring(r.code().length());
            }
        }
        return value;
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
