package org.hotlinehub.connectors.twilio;

import static org.hotlinehub.connectors.twilio.VoicePrompts.say;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Redirect;

/**
 * The call-back survey (回访) by phone, on the hub's outbound call: solved? (1 yes / 2 no), then how satisfied (1 / 2
 * / 3). The answer goes through hub.intake as a survey answer, where the survey service closes or reopens the ticket;
 * "not solved" is {@link SurveyResult#NOT_SOLVED}. A call that ends without an answer is tried again later.
 */
@Path(VoiceWebhooks.VOICE_PATH + "/survey")
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
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "The resident answered the survey call: the first question")
    public Response question(@Context UriInfo uri, @QueryParam("id") long id) {
        return webhooks.handle(uri, true, call -> survey(id)
                .map(s -> VoiceWebhooks.twiml(solved(new VoiceResponse.Builder(), s, 1)))
                .orElseGet(TwilioVoiceSurveyResource::hangup));
    }

    @POST
    @Path("/solved")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Solved? 1 yes, 2 no (reopens the ticket)")
    public Response solved(@Context UriInfo uri, @QueryParam("id") long id, @QueryParam("attempt") int attempt) {
        return webhooks.handle(uri, true, call -> {
            Optional<OutboundCall> survey = survey(id);
            if (survey.isEmpty()) {
                return hangup();
            }
            OutboundCall s = survey.get();
            boolean english = s.english();
            VoiceResponse.Builder r = new VoiceResponse.Builder();
            switch (call.digits()) {
                case "1" -> {
                    return VoiceWebhooks.twiml(rating(r, s, 1));
                }
                case "2" -> {
                    answer(call, s, SurveyResult.NOT_SOLVED);
                    r.say(say(english, VoicePrompts.surveyReopened(english)));
                    return VoiceWebhooks.twiml(r.hangup(new Hangup.Builder().build()).build());
                }
                default -> {
                    if (attempt < 2) {
                        r.say(say(english, VoicePrompts.invalid(english)));
                        return VoiceWebhooks.twiml(solved(r, s, attempt + 1));
                    }
                    r.say(say(english, VoicePrompts.surveyLater(english)));
                    return VoiceWebhooks.twiml(r.hangup(new Hangup.Builder().build()).build());
                }
            }
        });
    }

    @POST
    @Path("/rating")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "How satisfied: 1 satisfied, 2 basically satisfied, 3 dissatisfied")
    public Response rating(@Context UriInfo uri, @QueryParam("id") long id, @QueryParam("attempt") int attempt) {
        return webhooks.handle(uri, true, call -> {
            Optional<OutboundCall> survey = survey(id);
            if (survey.isEmpty()) {
                return hangup();
            }
            OutboundCall s = survey.get();
            boolean english = s.english();
            VoiceResponse.Builder r = new VoiceResponse.Builder();
            String digits = call.digits();
            if (RATINGS.contains(digits)) {
                answer(call, s, SurveyResult.parse(digits).orElseThrow());
                r.say(say(english, VoicePrompts.surveyThanks(english)));
                return VoiceWebhooks.twiml(r.hangup(new Hangup.Builder().build()).build());
            }
            if (attempt < 2) {
                r.say(say(english, VoicePrompts.invalid(english)));
                return VoiceWebhooks.twiml(rating(r, s, attempt + 1));
            }
            r.say(say(english, VoicePrompts.surveyLater(english)));
            return VoiceWebhooks.twiml(r.hangup(new Hangup.Builder().build()).build());
        });
    }

    private Optional<OutboundCall> survey(long id) {
        return outbox.find(id).filter(c -> "survey".equals(c.purpose()));
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
        return r.gather(new Gather.Builder().inputs(Gather.Input.DTMF).numDigits(1).timeout(TIMEOUT).action(next)
                .method(HttpMethod.POST).say(say(english, prompt)).build())
                .redirect(new Redirect.Builder(next).method(HttpMethod.POST).build()).build();
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

    private static Response hangup() {
        return VoiceWebhooks.twiml(new VoiceResponse.Builder().hangup(new Hangup.Builder().build()).build());
    }
}
