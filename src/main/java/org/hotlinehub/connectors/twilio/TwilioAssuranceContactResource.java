package org.hotlinehub.connectors.twilio;

import static org.hotlinehub.connectors.twilio.VoicePrompts.say;

import java.util.Optional;
import java.util.function.BiFunction;

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
import org.hotlinehub.model.port.Emergencies;
import org.hotlinehub.model.port.Emergencies.ContactAnswer;
import org.hotlinehub.model.port.VoiceOutbox;
import org.hotlinehub.model.port.VoiceOutbox.OutboundCall;

import com.twilio.twiml.VoiceResponse;

/**
 * The hub's call to a resident's emergency contact (call assurance): what happened, then "press 1 if you can go". The
 * first to accept an emergency takes it ({@link Emergencies}); a contact who answers after someone else did, or after
 * it went to the operators, hears so and is thanked. Placed through the voice outbox ({@link TwilioVoiceCaller}).
 */
@Path(VoiceWebhooks.VOICE_PATH + "/" + Emergencies.CONTACT_CALL)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@TwilioSigned
@Tag(name = "Twilio", description = "Webhooks called by Twilio (signed)")
public class TwilioAssuranceContactResource {

    private static final int TIMEOUT = 8;

    @Inject
    VoiceWebhooks webhooks;
    @Inject
    VoiceOutbox outbox;
    @Inject
    Emergencies emergencies;

    @POST
    @Operation(summary = "An emergency contact answered the hub's call: what happened, and whether they can go")
    public Response question(@Context UriInfo uri, @QueryParam("id") long id) {
        return onCall(uri, id, (call, c) -> {
            boolean english = c.english();
            VoiceResponse.Builder r = new VoiceResponse.Builder().say(say(english, c.message()));
            Optional<Emergencies.State> state = emergencies.state(c.ticketReference());
            if (state.isPresent() && state.get() != Emergencies.State.RAISED
                    && state.get() != Emergencies.State.OFFERED) {
                // settled before the contact picked up: tell them, ask nothing
                outbox.answered(c.id());
                return VoiceTwiml.hangUp(r.say(say(english, settled(english, state.get() == Emergencies.State.TAKEN))));
            }
            String next = webhooks.url("/" + Emergencies.CONTACT_CALL + "/answer?id=" + c.id());
            return VoiceTwiml.hangUp(r.gather(VoiceTwiml.oneKey(next, TIMEOUT)
                    .say(say(english, VoicePrompts.in(english).contactAsk())).build())
                    .say(say(english, VoicePrompts.in(english).contactDeclined())));
        });
    }

    @POST
    @Path("/answer")
    @Operation(summary = "The contact's key: 1 takes the emergency (if nobody did first), 2 cannot go")
    public Response answer(@Context UriInfo uri, @QueryParam("id") long id) {
        return onCall(uri, id, (call, c) -> {
            boolean english = c.english();
            VoiceMessages words = VoicePrompts.in(english);
            outbox.answered(c.id());
            VoiceResponse.Builder r = new VoiceResponse.Builder();
            if (!"1".equals(call.digits())) {
                return VoiceTwiml.hangUp(r.say(say(english, words.contactDeclined())));
            }
            ContactAnswer answer = emergencies.acceptByContact(c.ticketReference(), c.to());
            String spoken = switch (answer) {
                case TAKEN -> words.contactTaken();
                case ALREADY_TAKEN -> words.contactAlreadyTaken();
                case WITH_OPERATORS, UNKNOWN -> words.contactWithOperators();
            };
            return VoiceTwiml.hangUp(r.say(say(english, spoken)));
        });
    }

    /** Answers a webhook about the contact call {@code id}; a call that is not one is hung up. */
    private Response onCall(UriInfo uri, long id, BiFunction<VoiceRequest, OutboundCall, VoiceResponse> answer) {
        return webhooks.onOutboundCall(uri, id, Emergencies.CONTACT_CALL, answer);
    }

    private static String settled(boolean english, boolean taken) {
        VoiceMessages words = VoicePrompts.in(english);
        return taken ? words.contactAlreadyTaken() : words.contactWithOperators();
    }
}
