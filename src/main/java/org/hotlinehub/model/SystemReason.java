package org.hotlinehub.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reasons the hub writes itself (why a ticket waits in triage, why it went to the supervisors, a return awaiting
 * its ruling), in one place: the writers take their English text from here ({@link #text}), and the console finds
 * them again in a stored text ({@link #find}) to show them in the page's language (the words are in the console's
 * message bundle, {@code systemReason}). Each {@code {}} is a value (a code, a partner, a reason given by a person).
 * The English stays as it was written before, so stored tickets, the API and the logs read the same.
 */
public enum SystemReason {

    NO_CATEGORY("no catalog entry matches the description"),
    NO_PLACE("the address matches no known place"),
    STILL_UNCLEAR_NO_CATEGORY("still unclear after the resident's follow-up: no catalog entry matches"),
    STILL_UNCLEAR_NO_PLACE("still unclear after the resident's follow-up: the address matches no known place"),
    NEEDS_CATEGORY_AND_PLACE("it needs a category and a place before it can be dispatched"),
    NEEDS_CATEGORY("it needs a category before it can be dispatched (its deadlines come from the category)"),
    NEEDS_PLACE("it needs a place before the next party can be chosen"),
    NO_CATEGORY_TO_CHOOSE_BY("no category to choose the next party by"),
    NO_PLACE_TO_CHOOSE_BY("no place to choose the next party by"),
    OPERATOR_MUST_ASSIGN("an operator or supervisor must assign it"),
    NO_PARTY_LEFT("no partner or volunteer left for {} at {}"),
    SUPERVISORS_DECIDE("the supervisors decide who takes it"),
    REOPENED("reopened: {}"),
    RETURNED("returned by {}: {}"),
    AWAITING_RULING("awaiting the hub's ruling"),
    // what the hub writes on a ticket's timeline as it works (issue 22 item 5): classified, chosen, delivered, taken
    BY_SENDER("category {} chosen by the sender"),
    BY_WORDS("category {} ({} %) by the words {}"),
    BY_KEYWORDS("category {} by keywords {}"),
    CATEGORY_CHOSEN("category {} chosen by {}"),
    PLACE_CHOSEN("{} {} chosen by {} → grid {}"),
    DELIVERED("{} delivered to {} by {} after {} attempt(s)"),
    PICKED_UP("picked up in the portal / partner API"),
    ACCEPTED("accepted by {}"),
    DECLINED("declined by {}: {}"),
    OFFER_EXPIRED("offer to {} expired: not accepted by {}"),
    CANCELLED_BY("cancelled by {}: {}"),
    REOPENED_BY("reopened by {}: {}"),
    MERGED_INTO("merged into ticket {} by {}"),
    // a ticket that held two problems, split in two (issue 22 item 1): on the ticket split, and on the new one
    SPLIT_OFF("ticket {} split off by {}"),
    SPLIT_FROM("split off ticket {} by {}"),
    LOCATED("{} {} ({}) → grid {}"),
    PLACE_BY_SENDER("chosen by the sender"),
    PLACE_BY_REGISTERED_ADDRESS("the resident's registered address"),
    PLACE_BY_COORDINATES("{} m from the coordinates sent"),
    PLACE_BY_ADDRESS("address mentions \"{}\""),
    // issue 21: a reporter of an incident (or of a ticket merged by hand) writes again; a broadcast WeChat cannot carry
    FOLLOW_UP_OF_MERGED("the resident of ticket {}, merged into this one, adds"),
    WECHAT_UPDATE_NOT_SENT("incident update \"{}\" not sent by WeChat: outside the follower's 48-hour window, and"
            + " no template message is configured"),
    // why a party was offered the ticket (issue 22 item 5, rest): the rule's choice, the area served, the fallback
    OFFER_BY_CATALOG("{} {} → {} {} by catalog {}", "; |: | \\(|, fallback after |$", Value.CODE, Value.CODE,
            Value.WORDS, Value.CODE, Value.CODE),
    STAFF_AT_ONCE("{} {} → {} {}: call assurance, offered at once with the nearest volunteers", "$", Value.CODE,
            Value.CODE, Value.CODE, Value.CODE),
    CALL_ASSURANCE_REPLACING("call assurance, replacing a declined or expired offer: {}", "$"),
    SERVES_AREA(" (serves {} {})", "$", Value.CODE, Value.CODE),
    FALLBACK_AFTER(", fallback after {}"),
    VOLUNTEER_NEAR(" (same {}; open load {})", "$", Value.CODE, Value.CODE),
    VOLUNTEER_NEAR_SKILLS(" (same {}; skills {}; open load {})", "$", Value.CODE, Value.WORDS, Value.CODE),
    ASSIGNED_BY("assigned to {} by {}"),
    ASSIGNED_AFTER_RETURN("assigned to {} by {} after a return"),
    TAKEN_FROM("taken from {} by {}"),
    SUPPORT_ADDED_BY("supporting party {} added by {}"),
    RETURN_OVERRULED("return by {} overruled, sent back"),
    RETURN_UPHELD_BY("return by {} upheld"),
    RETURN_UPHELD("return upheld"),
    WITHDRAWN("{} assignment of {} withdrawn: {}", "; |: |$", Value.CODE, Value.CODE),
    TICKET_CANCELLED("ticket cancelled"),
    WITHDRAWN_FOR_MERGE("merged into {}"),
    // incidents: a report linked, suggested, kept apart or taken out again, with the score and why
    INCIDENT_LINKED("linked to incident {} ({})"),
    // the reason after the score may hold ": " of its own (a confirmation quotes intake's reason): it runs to the end
    INCIDENT_SCORE("score {}: {}", "$"),
    REPORTER_JOINED("report {} ({}) joined: {}; {} reporters"),
    REPORT_JOINED_INCIDENT("the report joined incident {}"),
    LIKELY_SAME_INCIDENT("likely the same incident as ticket {} ({})"),
    LINK_OR_KEEP_APART("link it or keep it separate"),
    NOT_SAME_INCIDENT("not the same incident as ticket {}: {}"),
    KEPT_SEPARATE_BY("kept separate by {}"),
    NO_LONGER_IN_INCIDENT("no longer part of incident {}: {}"),
    UNDONE_BY("undone by {}"),
    REPORT_TAKEN_OUT("report {} taken out: {}; {} reporters"),
    LINKED_BY("linked by {}"),
    CONFIRMED_BY("confirmed by {} (intake: {})"),
    DETECTED_SAME_PLACE("text {}, same place {}, {}"),
    DETECTED_SAME_AREA("text {}, same {} {}, {}"),
    SAME_CATEGORY("same category"),
    RELATED_CATEGORY("related category"),
    // call-backs and partners' appeals against their results
    SURVEY_UNREACHABLE("no channel reaches the resident; closed without a call-back"),
    SURVEY_NO_REPLY_SINCE("no answer since {} ({}); closed as no reply"),
    SURVEY_NOT_APPLIED("survey answer {} while the ticket is {}; not applied"),
    SURVEY_OF_REPORTER("a reporter of incident {}"),
    SURVEY_ANSWER_BOTH("{} / {}", "$| \\(", Value.CODE, SurveyResult.englishLabels()),
    SURVEY_OF_INCIDENT(" (incident {})", "$", Value.CODE),
    SURVEY_BY_SMS("survey question sent by SMS"),
    SURVEY_BY_WECHAT("survey question sent by WeChat"),
    SURVEY_CALL_QUEUED("survey call queued (up to {} attempts)"),
    NOT_SOLVED("the resident says the problem is not solved"),
    REPORTER_NOT_SOLVED("a reporter (ticket {}) says the problem is not solved"),
    APPEAL_FILED("appeal against the result {}: {}"),
    APPEAL_UPHELD("appeal by {} upheld: the result {} no longer counts in the rates"),
    APPEAL_REJECTED("appeal by {} rejected: the result {} stands"),
    // an assignment's clocks stopped and started again by a person (等待居民); times in the hub's zone
    CLOCKS_PAUSED("clocks of {} paused: {}", "$"),
    CLOCKS_RESUMED("clocks of {} run again after {} paused; accept by {}, resolve by {}"),
    // a surge: the reports per channel ("web 3, sms 2"), each channel put in words on a Chinese page
    SURGE_DECLARED("{} reports within {} min ({})", "$", Value.CODE, Value.CODE),
    SURGE_CONFIRMED("surge confirmed; status message sent to {} reporters"),
    // what the outbox writes when it stops trying (on the message, and on a partner delivery's ticket)
    GAVE_UP("gave up after {} attempts: {}", "$", Value.CODE),
    DELIVERY_GAVE_UP("{} to {} gave up after {} attempts: {}", "$", Value.CODE, Value.CODE, Value.CODE),
    // call assurance: an emergency's parallel offers, taken, replaced or escalated
    EMERGENCY_TAKEN_BY_CONTACT("emergency taken by the resident's emergency contact {} (key 1 on the hub's call)"),
    ASSURANCE_NO_REPLACEMENT("call assurance: no other volunteer on duty nearby to replace the offer; the others'"
            + " offers stay open until {}"),
    ASSURANCE_NOBODY_ON_DUTY("call assurance: nobody on duty nearby to offer the emergency to; an operator must act"
            + " now"),
    ASSURANCE_NOBODY_ACCEPTED("call assurance: nobody accepted the emergency within {}; an operator must act now"),
    EMERGENCY_OFFER_NOT_ACCEPTED("emergency offer to {} not accepted within {}"),
    // the deadline sweep: warnings and the overdue mark (times in the hub's zone)
    DEADLINE_ACCEPT_WARNING("offer to {} not yet accepted; accept by {}"),
    DEADLINE_RESOLVE_WARNING("{} must resolve it by {}", "; |: |$", Value.CODE),
    OVERDUE_NOT_RESOLVED("{} has not resolved it by {}", "; |: |$", Value.CODE),
    OVERDUE_ESCALATED("overdue with {}: supervisors to follow up"),
    // reaching residents without showing their numbers
    RESIDENT_CALLED("called the resident {} through the hotline (operator's phone {})"),
    CONTACT_CALLED("called emergency contact {} {} through the hotline (operator's phone {})"),
    MASKED_CALL("Masked call from {} to the resident {} through the hotline: {}", "$"),
    MASKED_TEXT_TO_RESIDENT("Masked text from {} to the resident {}: {}", "$"),
    MASKED_TEXT_FROM_RESIDENT("Masked text from the resident {} to {}: {}", "$"),
    // an operator's message to a resident, as sent (after the message's words on the timeline)
    SMS_QUEUED("SMS queued to {}"),
    SMS_QUEUED_IN_PARTS("SMS queued to {} in {} parts"),
    // a ticket in triage classified or located by what the resident wrote next
    AFTER_FOLLOW_UP("after the resident's follow-up"),
    LOCATED_AFTER_FOLLOW_UP("{} {} ({}) after the resident's follow-up", "$", Value.CODE, Value.CODE),
    // a resolution's photo after the partner's note (residents never read these: ResidentTexts.partnerNote)
    PHOTO_LINK(" (photo {})", "$", Value.CODE),
    PHOTO_ATTACHED(" (photo attached: {}, attachment {})", "$", Value.WORDS, Value.CODE),
    // a masked call's end, when the person answered
    CALL_COMPLETED_AFTER("completed after {} s", "$", Value.CODE),
    // written on the primary by the merge of duplicates before it became the incident link; kept for those entries
    // (the value after it is the duplicate's resident, in brackets, when it had one)
    DUPLICATE_MERGED_HERE("ticket {} merged into this one{}", "; |: |$", Value.CODE, "(?: \\([^)]*\\))?");

    /** What a value may be, where the text around it is not enough to tell where it ends. */
    private static final class Value {

        /** A code or a number: no spaces. */
        static final String CODE = "\\S+";
        /** Words: as few as the rest of the pattern allows. */
        static final String WORDS = ".+?";
    }

    private final String english;
    /** The text around the values, split once (intake writes two of these for every ticket it cannot place). */
    private final String[] literal;
    private final Pattern pattern;
    /**
     * The longest text around the values: every match holds it as written, so a text without it is not searched (a
     * page of the queue reads two hundred reasons against every pattern, some of which begin with a value and would
     * otherwise be tried at every position).
     */
    private final String anchor;

    SystemReason(String english) {
        this(english, "; |: |$");
    }

    /**
     * @param valueEnds what may follow a value that ends the text (a regular expression)
     * @param values what each value may be, in order (a regular expression; any text when left out)
     */
    SystemReason(String english, String valueEnds, String... values) {
        this.english = english;
        this.literal = english.split("\\{}", -1);
        // a last value in brackets may hold brackets of its own (a reason within a reason): it runs to the last ")"
        boolean bracketed = english.endsWith("({})");
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < literal.length; i++) {
            regex.append(Pattern.quote(literal[i]));
            if (i < literal.length - 1) {
                regex.append(i < values.length
                        ? "(" + values[i] + ")"
                        : bracketed && i == literal.length - 2 ? "(.+)" : "(.+?)");
            }
        }
        // a value runs to the next "; " (the separator of reasons written together), ": " (a person's note added
        // after it) or the end
        this.pattern = Pattern.compile(regex + (english.endsWith("{}") ? "(?=" + valueEnds + ")" : ""));
        this.anchor = Arrays.stream(literal).max(Comparator.comparingInt(String::length)).orElse("");
    }

    /** The English text with its values filled in, in order. */
    public String text(Object... values) {
        if (literal.length == 1) {
            return english;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < literal.length; i++) {
            s.append(literal[i]);
            if (i < literal.length - 1) {
                s.append(i < values.length ? values[i] : "");
            }
        }
        return s.toString();
    }

    /** One reason found in a stored text: where it stands and its values. */
    public record Found(SystemReason reason, int start, int end, List<String> values) {
    }

    /**
     * The system reasons in {@code text}, in order, not overlapping: where two could match, the one covering more of
     * the text wins (a located place over how it was found), and on the same span the one with more English (the
     * sender's category over any chooser's); the text between them is a person's words or separators.
     */
    public static List<Found> find(String text) {
        List<Found> candidates = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return candidates;
        }
        for (SystemReason r : values()) {
            if (!text.contains(r.anchor)) {
                continue;
            }
            Matcher m = r.pattern.matcher(text);
            while (m.find()) {
                List<String> values = new ArrayList<>();
                for (int g = 1; g <= m.groupCount(); g++) {
                    values.add(m.group(g));
                }
                candidates.add(new Found(r, m.start(), m.end(), values));
            }
        }
        candidates.sort(Comparator.comparingInt((Found f) -> f.end() - f.start()).reversed()
                .thenComparing(Comparator.comparingInt((Found f) -> f.reason().english.length()).reversed()));
        List<Found> found = new ArrayList<>();
        for (Found c : candidates) {
            if (found.stream().noneMatch(f -> c.start() < f.end() && f.start() < c.end())) {
                found.add(c);
            }
        }
        found.sort(Comparator.comparingInt(Found::start));
        return found;
    }

    /**
     * The English of every reason, with its values left out: what a Chinese page must not show (a lone word such as
     * "category" or "after" is left out: it also names a form field or stands in a script).
     */
    public List<String> englishParts() {
        return Arrays.stream(english.split("\\{}")).map(String::strip).filter(p -> p.length() > 3)
                .filter(p -> !p.matches("[a-z]+")).toList();
    }
}
