package org.hotlinehub.connectors.twilio;

import static org.hotlinehub.connectors.twilio.VoicePrompts.say;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.ContactIntent;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.SurveyResult;
import org.hotlinehub.model.port.IntakeQueue;
import org.hotlinehub.model.port.VoiceOutbox;
import org.hotlinehub.model.port.VoiceOutbox.OutboundCall;

import com.twilio.twiml.VoiceResponse;

/**
 * The call-back survey (回访) by phone, on the hub's outbound call: solved? (1 yes / 2 no), then how satisfied (1 / 2
 * / 3). The answer goes through hub.intake as a survey answer, where the survey service closes or reopens the ticket;
 * "not solved" is {@link SurveyResult#NOT_SOLVED}. A call that ends without an answer is tried again later.
 */
@Path(VoiceWebhooks.VOICE_PATH + "/survey")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@TwilioSigned
@Tag(name = "Twilio", description = "Webhooks called by Twilio (signed)")
public class TwilioVoiceSurveyResource {

    private static final int TIMEOUT = 8;
    private static final Set<String> RATINGS = Set.of("1", "2", "3");

    @Inject
    VoiceWebhooks webhooks;
    @Inject
    VoiceOutbox outbox;
    @Inject
    IntakeQueue intake;
    @Inject
    Clock clock;

    @POST
    @Operation(summary = "The resident answered the survey call: the first question")
    public Response question(@Context UriInfo uri, @QueryParam("id") long id) {
        return onSurvey(uri, id, (call, s, r) -> solved(r, s, 1));
    }

    @POST
    @Path("/solved")
    @Operation(summary = "Solved? 1 yes, 2 no (reopens the ticket)")
    public Response solved(@Context UriInfo uri, @QueryParam("id") long id, @QueryParam("attempt") int attempt) {
        return onSurvey(uri, id, (call, s, r) -> switch (call.digits()) {
            case "1" -> rating(r, s, 1);
            case "2" -> {
                answer(call, s, SurveyResult.NOT_SOLVED);
                yield VoiceTwiml.hangUp(r.say(say(s.english(), VoicePrompts.surveyReopened(s.english()))));
            }
            default -> againOrLater(r, s.english(), attempt, next -> solved(r, s, next));
        });
    }

    @POST
    @Path("/rating")
    @Operation(summary = "How satisfied: 1 satisfied, 2 basically satisfied, 3 dissatisfied")
    public Response rating(@Context UriInfo uri, @QueryParam("id") long id, @QueryParam("attempt") int attempt) {
        return onSurvey(uri, id, (call, s, r) -> {
            String digits = call.digits();
            if (RATINGS.contains(digits)) {
                answer(call, s, SurveyResult.parse(digits).orElseThrow());
                return VoiceTwiml.hangUp(r.say(say(s.english(), VoicePrompts.surveyThanks(s.english()))));
            }
            return againOrLater(r, s.english(), attempt, next -> rating(r, s, next));
        });
    }

    /** A step of the survey call {@code s}, answered with TwiML built on r. */
    @FunctionalInterface
    interface SurveyStep {

        VoiceResponse answer(VoiceRequest call, OutboundCall s, VoiceResponse.Builder r);
    }

    /** Answers a webhook about the survey call {@code id}; a call that is not one is hung up. */
    private Response onSurvey(UriInfo uri, long id, SurveyStep step) {
        return webhooks.onOutboundCall(uri, id, "survey",
                (call, s) -> step.answer(call, s, new VoiceResponse.Builder()));
    }

    /** A wrong or missing key: asked again once ({@code askAgain} of the next attempt), then the call ends. */
    private static VoiceResponse againOrLater(VoiceResponse.Builder r, boolean english, int attempt,
            IntFunction<VoiceResponse> askAgain) {
        if (attempt < 2) {
            r.say(say(english, VoicePrompts.invalid(english)));
            return askAgain.apply(attempt + 1);
        }
        return VoiceTwiml.hangUp(r.say(say(english, VoicePrompts.surveyLater(english))));
    }

    private VoiceResponse solved(VoiceResponse.Builder r, OutboundCall s, int attempt) {
        return gather(r, s.english(), "/survey/solved?id=" + s.id() + "&attempt=" + attempt,
                VoicePrompts.surveyQuestion(s.english(), s.ticketReference()));
    }

    private VoiceResponse rating(VoiceResponse.Builder r, OutboundCall s, int attempt) {
        return gather(r, s.english(), "/survey/rating?id=" + s.id() + "&attempt=" + attempt,
                VoicePrompts.surveyRating(s.english()));
    }

    private VoiceResponse gather(VoiceResponse.Builder r, boolean english, String pathAndQuery, String prompt) {
        String next = webhooks.url(pathAndQuery);
        return VoiceTwiml.ask(r, VoiceTwiml.oneKey(next, TIMEOUT).say(say(english, prompt)), next);
    }

    /** The answer as the SMS survey takes it (its digit), applied by intake: once per call. */
    private void answer(VoiceRequest call, OutboundCall s, SurveyResult result) {
        String digit = switch (result) {
            case SATISFIED -> "1";
            case BASICALLY_SATISFIED -> "2";
            case DISSATISFIED -> "3";
            case NOT_SOLVED -> "4";
        };
        String externalId = call.callSid() + "/survey";
        intake.submit(new InboundContact(Channel.VOICE, externalId, s.ticketReference(), clock.instant(), s.to(),
                null, digit, s.language(), null, null, null, null, null, List.of(), ContactIntent.SURVEY_ANSWER));
        outbox.answered(s.id());
    }
}
