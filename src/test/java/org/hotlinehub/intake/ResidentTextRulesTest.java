package org.hotlinehub.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.hotlinehub.model.Conversation;
import org.hotlinehub.model.SurveyResult;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.port.ConversationRules.Kind;
import org.hotlinehub.model.port.ConversationRules.Reading;
import org.junit.jupiter.api.Test;

/** The conversation rules SMS and WeChat share, one rule at a time, in both languages. */
class ResidentTextRulesTest {

    private static final String REF = "2412050001";
    private static final Optional<Conversation> NONE = Optional.empty();
    private static final Optional<Conversation> OPEN_ZH = Optional.of(new Conversation(REF, TicketStatus.DISPATCHED,
            false, "zh"));
    private static final Optional<Conversation> OPEN_EN = Optional.of(new Conversation(REF, TicketStatus.DISPATCHED,
            false, "en"));
    private static final Optional<Conversation> SURVEY_ZH = Optional.of(new Conversation(REF, TicketStatus.RESOLVED,
            true, "zh"));
    private static final Optional<Conversation> SURVEY_EN = Optional.of(new Conversation(REF, TicketStatus.RESOLVED,
            true, "en"));
    private static final Optional<Conversation> RESOLVED = Optional.of(new Conversation(REF, TicketStatus.RESOLVED,
            false, "en"));
    private static final Optional<Conversation> NOT_YET_A_TICKET = Optional.of(new Conversation(REF,
            TicketStatus.RECEIVED, false, null));

    private final ResidentTextRules rules = new ResidentTextRules();

    @Test
    void shouldReadEmptyWhenNothingCame() {
        assertEquals(Kind.EMPTY, rules.read("", false, OPEN_ZH).kind());
    }

    @Test
    void shouldReadPicturesAloneAsAMessageWhenTheChannelSaysSo() {
        Reading reading = rules.read("", true, OPEN_ZH);

        assertEquals(Kind.FOLLOW_UP, reading.kind());
        assertEquals(REF, reading.reference());
        assertEquals(Kind.REQUEST, rules.read("", true, NONE).kind());
    }

    @Test
    void shouldReadAStatusQueryWithItsNumberInTheKeywordsLanguage() {
        assertEquals(new Reading(Kind.STATUS_QUERY, false, "2412059999", null, "查询 2412059999"),
                rules.read("查询 2412059999", false, OPEN_EN));
        assertEquals(new Reading(Kind.STATUS_QUERY, false, "2412059999", null, "查：2412059999"),
                rules.read("查：2412059999", false, NONE));
        assertEquals(new Reading(Kind.STATUS_QUERY, true, "2412059999", null, "STATUS 2412059999"),
                rules.read("STATUS 2412059999", false, OPEN_ZH));
        assertEquals(new Reading(Kind.STATUS_QUERY, true, "2412059999", null, "cx:2412059999"),
                rules.read("cx:2412059999", false, NONE));
    }

    @Test
    void shouldAskAboutTheConversationsTicketWhenAStatusQueryHasNoNumber() {
        assertEquals(REF, rules.read("查询", false, OPEN_ZH).reference());
        assertEquals(REF, rules.read("status", false, SURVEY_EN).reference());
        assertEquals(null, rules.read("status", false, NONE).reference());
        assertEquals(Kind.STATUS_QUERY, rules.read("查", false, NONE).kind());
    }

    @Test
    void shouldNotTakeATooShortNumberAsAStatusQuery() {
        assertEquals(Kind.FOLLOW_UP, rules.read("status 12345", false, OPEN_EN).kind());
    }

    @Test
    void shouldReadAScoreAsTheSurveyAnswerWhenTheTicketAwaitsIt() {
        assertEquals(new Reading(Kind.SURVEY_ANSWER, false, REF, SurveyResult.SATISFIED, "满意"),
                rules.read("满意", false, SURVEY_ZH));
        assertEquals(new Reading(Kind.SURVEY_ANSWER, true, REF, SurveyResult.NOT_SOLVED, "not solved"),
                rules.read("not solved", false, SURVEY_ZH));
        assertEquals(SurveyResult.DISSATISFIED, rules.read("不满意", false, SURVEY_EN).survey());
    }

    @Test
    void shouldAnswerADigitInTheConversationsLanguage() {
        assertEquals(new Reading(Kind.SURVEY_ANSWER, true, REF, SurveyResult.BASICALLY_SATISFIED, "2"),
                rules.read("2", false, SURVEY_EN));
        assertEquals(new Reading(Kind.SURVEY_ANSWER, false, REF, SurveyResult.BASICALLY_SATISFIED, "2!"),
                rules.read("2!", false, SURVEY_ZH));
        assertEquals(false, rules.read("5", false, OPEN_ZH).english());
        // a ticket intake has not made yet has no language: the text's own (no Han characters) counts
        assertEquals(true, rules.read("5", false, NOT_YET_A_TICKET).english());
    }

    @Test
    void shouldTakeAScoreAsAFollowUpWhenNoSurveyWaits() {
        assertEquals(new Reading(Kind.FOLLOW_UP, false, REF, null, "1"), rules.read("1", false, OPEN_ZH));
    }

    @Test
    void shouldReadAFollowUpWhileTheTicketIsOpen() {
        assertEquals(new Reading(Kind.FOLLOW_UP, false, REF, null, "水还在漏"), rules.read("水还在漏", false, OPEN_EN));
        assertEquals(new Reading(Kind.FOLLOW_UP, true, REF, null, "still leaking"),
                rules.read("still leaking", false, OPEN_ZH));
        assertEquals(Kind.FOLLOW_UP, rules.read("more details", false, NOT_YET_A_TICKET).kind());
    }

    @Test
    void shouldReadAReporterOfAnOpenIncidentAsFollowingItUp() {
        // the reporter's own ticket is merged; the conversation carries the incident's status and reference
        Optional<Conversation> reporter = Optional.of(new Conversation(REF, TicketStatus.DISPATCHED, false, "zh",
                "2412050007"));
        assertEquals(new Reading(Kind.FOLLOW_UP, false, REF, null, "还没来水", "2412050007"),
                rules.read("还没来水", false, reporter));
        // the incident resolved and the reporter's survey answer awaited: a score answers it, other words are new
        Optional<Conversation> asked = Optional.of(new Conversation(REF, TicketStatus.RESOLVED, true, "zh",
                "2412050007"));
        assertEquals(Kind.SURVEY_ANSWER, rules.read("2", false, asked).kind());
        assertEquals(Kind.REQUEST, rules.read("路灯坏了", false, asked).kind());
    }

    @Test
    void shouldReadANewRequestWhenTheTicketIsResolvedAndTheTextIsNoScore() {
        assertEquals(new Reading(Kind.REQUEST, true, null, null, "another leak"),
                rules.read("another leak", false, RESOLVED));
        assertEquals(new Reading(Kind.REQUEST, false, null, null, "路灯坏了"), rules.read("路灯坏了", false, SURVEY_EN));
    }

    @Test
    void shouldReadAPlainReportAsARequestWithoutAConversation() {
        assertEquals(new Reading(Kind.REQUEST, false, null, null, "楼道灯不亮"), rules.read("楼道灯不亮", false, NONE));
        assertEquals(new Reading(Kind.REQUEST, true, null, null, "Broken light"),
                rules.read("Broken light", false, NONE));
    }

    @Test
    void shouldStartANewRequestOnItsPrefixEvenWhileATicketIsOpen() {
        assertEquals(new Reading(Kind.NEW_REQUEST, false, null, null, "路灯坏了"), rules.read("新：路灯坏了", false, OPEN_ZH));
        assertEquals(new Reading(Kind.NEW_REQUEST, false, null, null, "路灯坏了"), rules.read("新，路灯坏了", false, SURVEY_ZH));
        assertEquals(new Reading(Kind.NEW_REQUEST, true, null, null, "broken light\non floor 3"),
                rules.read("NEW: broken light\non floor 3", false, OPEN_EN));
        assertEquals(Kind.NEW_REQUEST, rules.read("new broken light", false, NONE).kind());
    }

    @Test
    void shouldNotTakeAWordStartingWithNewAsThePrefix() {
        assertEquals(Kind.FOLLOW_UP, rules.read("news: still leaking", false, OPEN_EN).kind());
        assertEquals(Kind.FOLLOW_UP, rules.read("新", false, OPEN_ZH).kind());
    }

    @Test
    void shouldFileANewRequestWithoutItsPrefix() {
        assertEquals("路灯坏了", rules.requestText("新： 路灯坏了 "));
        assertEquals("broken light", rules.requestText("new, broken light"));
        assertEquals("broken light", rules.requestText("broken light"));
    }
}
