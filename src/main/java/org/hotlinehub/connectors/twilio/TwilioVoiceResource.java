package org.hotlinehub.connectors.twilio;

import static org.hotlinehub.connectors.twilio.VoicePrompts.say;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
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
import org.hotlinehub.config.HubConfig;
import org.hotlinehub.connectors.twilio.VoiceCalls.CallState;
import org.hotlinehub.connectors.twilio.VoiceCalls.CallerProfile;
import org.hotlinehub.model.Attachment;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.ContactIntent;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.IntakeUnavailableException;
import org.hotlinehub.model.ResidentTexts;
import org.hotlinehub.model.SurgeNotice;
import org.hotlinehub.model.port.Incidents;
import org.hotlinehub.model.port.IntakeQueue;
import org.hotlinehub.model.port.ReferenceNumbers;
import org.hotlinehub.model.port.ResidentReplies;
import org.hotlinehub.model.port.TicketLookup;
import org.hotlinehub.model.port.VoiceOutbox;
import org.jboss.logging.Logger;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Client;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Enqueue;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Pause;
import com.twilio.twiml.voice.Record;

/**
 * The 96993 line (docs/contract.md, "Inbound endpoints": {@code POST /twilio/voice} and its follow-ups). Mandarin
 * first, English on key 9: 1 urgent help (call assurance for registered vulnerable residents), 2 home services and
 * repairs, 3 property, 4 public order (emergencies told to dial 110/119/120), 5 ticket status, 0 an operator. A wrong
 * or missing key is asked again once, then the caller goes to an operator; outside staffed hours to voicemail, which
 * becomes a ticket. A phone registered for a partner or volunteer gets the masked line instead ({@link MaskedLine}).
 * Every answer is TwiML from the SDK's builders; every request is signed (403) and logged by CallSid.
 */
@Path(VoiceWebhooks.VOICE_PATH)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@TwilioSigned
@Tag(name = "Twilio", description = "Webhooks called by Twilio (signed)")
public class TwilioVoiceResource {

    private static final Logger LOG = Logger.getLogger(TwilioVoiceResource.class);
    static final String TOPIC_URGENT = "urgent-help";
    static final String TOPIC_HOME = "home-services-repairs";
    static final String TOPIC_PROPERTY = "property";
    static final String TOPIC_ORDER = "public-order";
    static final String TOPIC_OPERATOR = "operator";
    static final String TOPIC_NO_CHOICE = "no-choice";
    private static final int LOOKUP_TIMEOUT = 10;
    private static final int RECORD_SILENCE = 5;
    private static final int DIAL_TIMEOUT = 20;
    private static final int HOLD_PAUSE = 8;

    @Inject
    ResidentReplies replies;
    @Inject
    VoiceWebhooks webhooks;
    @Inject
    VoiceCalls calls;
    @Inject
    VoiceOutbox outbox;
    @Inject
    VoiceHours hours;
    @Inject
    CallAssurance assurance;
    @Inject
    CheckIns checkIns;
    @Inject
    MaskedLine maskedLine;
    @Inject
    TicketLookup lookup;
    @Inject
    IntakeQueue intake;
    @Inject
    ReferenceNumbers references;
    @Inject
    Incidents incidents;
    @Inject
    HubConfig config;
    @Inject
    Clock clock;

    @POST
    @Operation(summary = "A call to the hotline: the greeting and main menu (call assurance for registered residents)")
    public Response entry(@Context UriInfo uri) {
        return webhooks.handle(uri, true, call -> {
            Optional<VoiceResponse> masked = maskedLine.greet(call);
            if (masked.isPresent()) {
                return VoiceWebhooks.twiml(masked.get());
            }
            Optional<CallerProfile> caller = calls.caller(call.phone());
            boolean english = caller.map(c -> "en".equals(c.language())).orElse(false);
            VoiceResponse.Builder r = new VoiceResponse.Builder();
            if (caller.isPresent() && caller.get().checksIn()
                    && checkIns.checkIn(call.phone(), "voice").isPresent()) {
                // a resident with a daily check-in: the call is the check-in, said before any menu
                r.say(say(english, VoicePrompts.in(english).checkedIn()));
            }
            if (caller.isPresent() && caller.get().vulnerable()) {
                return VoiceWebhooks.twiml(assuranceMenu(r, english, caller.get(), 1));
            }
            Optional<SurgeNotice> surge = caller.flatMap(c -> incidents.surgeNear(c.residentId()));
            if (surge.isPresent()) {
                return VoiceWebhooks.twiml(surgeNotice(r, english, surge.get()));
            }
            return VoiceWebhooks.twiml(mainMenu(r, english));
        });
    }

    @POST
    @Path("/surge")
    @Operation(summary = "The key pressed after a confirmed surge's announcement: 1 for the menu, else goodbye")
    public Response surge(@Context UriInfo uri, @QueryParam("lang") String lang) {
        return step(uri, lang, (call, english, r) -> {
            if ("1".equals(call.digits())) {
                return mainMenu(r, english);
            }
            // nothing is recorded: the caller knows, and the incident is being handled
            return VoiceTwiml.hangUp(r.say(say(english, VoicePrompts.surgeGoodbye(english))));
        });
    }

    @POST
    @Path("/menu")
    @Operation(summary = "The key pressed in the main menu (none: the menu timed out)")
    public Response menu(@Context UriInfo uri, @QueryParam("lang") String lang, @QueryParam("attempt") int attempt) {
        return step(uri, lang, (call, english, r) -> switch (call.digits()) {
            case "9" -> {
                calls.chose(call.callSid(), null, lang(!english));
                yield menu(r, !english, 1);
            }
            case "1" -> {
                Optional<CallerProfile> caller = calls.caller(call.phone()).filter(CallerProfile::vulnerable);
                if (caller.isPresent()) {
                    yield urgent(r, call, caller.get(), false, english);
                }
                r.say(say(english, VoicePrompts.urgentNotRegistered(english)));
                yield toOperator(r, call, english, TOPIC_URGENT);
            }
            case "2" -> toOperator(r, call, english, TOPIC_HOME);
            case "3" -> toOperator(r, call, english, TOPIC_PROPERTY);
            case "4" -> toOperator(r.say(say(english, VoicePrompts.emergencies(english))), call, english, TOPIC_ORDER);
            case "5" -> askReference(r, english, 1);
            case "0" -> toOperator(r, call, english, TOPIC_OPERATOR);
            default -> againOrOperator(r, call, english, attempt, next -> menu(invalid(r, english), english, next));
        });
    }

    @POST
    @Path("/masked")
    @Operation(summary = "A partner's or volunteer's choice in the masked line: a held ticket by key, a reference keyed in, 0 for the usual menu")
    public Response masked(@Context UriInfo uri, @QueryParam("lang") String lang,
            @QueryParam("attempt") int attempt) {
        return inLanguage(uri, lang, true, (call, english) -> VoiceWebhooks.twiml(maskedLine.choose(call, english,
                attempt, chosen -> menu(new VoiceResponse.Builder(), chosen, 1))));
    }

    @POST
    @Path("/masked/done")
    @Operation(summary = "The masked call to the resident ended (Dial action): its outcome goes on the ticket's timeline")
    public Response maskedDone(@Context UriInfo uri, @QueryParam("ref") String ref, @QueryParam("lang") String lang) {
        return inLanguage(uri, lang, true, (call, english) -> {
            if (ref == null || !ref.matches("\\d{6,12}")) {
                return TwilioWebhook.badRequest("ref (the ticket reference of the masked call) is required");
            }
            return VoiceWebhooks.twiml(maskedLine.done(call, ref, english));
        });
    }

    @POST
    @Path("/assurance")
    @Operation(summary = "A registered vulnerable resident's answer to the call-assurance greeting (none: silence)")
    public Response assurance(@Context UriInfo uri,
            @QueryParam("lang") String lang, @QueryParam("attempt") int attempt) {
        return step(uri, lang, (call, english, r) -> {
            Optional<CallerProfile> caller = calls.caller(call.phone()).filter(CallerProfile::vulnerable);
            if (caller.isEmpty()) {
                return menu(r, english, 1);
            }
            String digits = call.digits();
            if ("1".equals(digits) || (digits.isEmpty() && caller.get().silenceAlarm())) {
                return urgent(r, call, caller.get(), digits.isEmpty(), english);
            }
            if ("2".equals(digits)) {
                return menu(r, english, 1);
            }
            if ("9".equals(digits)) {
                calls.chose(call.callSid(), null, lang(!english));
                return assuranceMenu(r, !english, caller.get(), attempt);
            }
            return againOrOperator(r, call, english, attempt,
                    next -> assuranceMenu(invalid(r, english), english, caller.get(), next));
        });
    }

    @POST
    @Path("/lookup")
    @Operation(summary = "A ticket reference keyed in (menu 5): its status is read back")
    public Response lookup(@Context UriInfo uri, @QueryParam("lang") String lang, @QueryParam("attempt") int attempt) {
        return step(uri, lang, (call, english, r) -> {
            String reference = call.digits();
            if (reference.matches("\\d{6,12}")) {
                var ticket = lookup.findForResident(reference, call.phone());
                if (ticket.isPresent()) {
                    var t = ticket.get();
                    return VoiceTwiml.hangUp(r.say(say(english, VoicePrompts.status(english, t.reference(),
                            replies.statusWord(t.status(), english), t.categoryZh(), t.categoryEn()))));
                }
                r.say(say(english, VoicePrompts.notFound(english, reference)));
            } else {
                invalid(r, english);
            }
            return againOrOperator(r, call, english, attempt, next -> askReference(r, english, next));
        });
    }

    @POST
    @Path("/queue/wait")
    @Operation(summary = "What callers hear while they wait for an operator (Twilio repeats it)")
    public Response queueWait(@Context UriInfo uri, @QueryParam("lang") String lang) {
        return inLanguage(uri, lang, true, (call, english) -> {
            String position = call.param("QueuePosition");
            return VoiceWebhooks.twiml(new VoiceResponse.Builder()
                    .say(say(english, VoicePrompts.waiting(english, position)))
                    .say(say(!english, VoicePrompts.waiting(!english, position)))
                    .pause(new Pause.Builder().length(HOLD_PAUSE).build()).build());
        });
    }

    @POST
    @Path("/queue/done")
    @Operation(summary = "A caller left the operator queue: bridged, redirected to an operator, hung up (call-back list) or the queue failed")
    public Response queueDone(@Context UriInfo uri, @QueryParam("lang") String lang) {
        return inLanguage(uri, lang, true, (call, english) -> {
            String result = call.param("QueueResult");
            switch (result) {
                case "bridged", "redirected" -> {
                    return VoiceWebhooks.empty();
                }
                case "hangup" -> {
                    calls.toCallBack(call.callSid(), "abandoned");
                    return VoiceWebhooks.empty();
                }
                default -> {
                    LOG.warnf("call %s left the queue: %s", call.callSid(), result);
                    calls.toCallBack(call.callSid(), "queue-" + (result.isEmpty() ? "unknown" : result));
                    return VoiceWebhooks.twiml(voicemail(new VoiceResponse.Builder(), english));
                }
            }
        });
    }

    @POST
    @Path("/connect")
    @Operation(summary = "An operator took this caller (Calls API redirect): dial the operator's phone or client")
    public Response connect(@Context UriInfo uri, @QueryParam("lang") String lang, @QueryParam("to") String to) {
        return inLanguage(uri, lang, true, (call, english) -> {
            if (to == null || to.isBlank()) {
                return TwilioWebhook.badRequest("to (the operator's phone or client:identity) is required");
            }
            String answered = webhooks.url("/connect/answered?call=" + call.callSid());
            Dial.Builder dial = new Dial.Builder().timeout(DIAL_TIMEOUT).answerOnBridge(true)
                    .action(webhooks.url("/connect/done?lang=" + lang(english))).method(HttpMethod.POST);
            String hotline = call.param("To");
            if (!hotline.isEmpty()) {
                dial.callerId(hotline);
            }
            if (to.startsWith("client:")) {
                dial.client(new Client.Builder().identity(to.substring("client:".length())).statusCallback(answered)
                        .statusCallbackMethod(HttpMethod.POST).statusCallbackEvents(Client.Event.ANSWERED).build());
            } else {
                dial.number(new Number.Builder(to).statusCallback(answered).statusCallbackMethod(HttpMethod.POST)
                        .statusCallbackEvents(Number.Event.ANSWERED).build());
            }
            return VoiceWebhooks.twiml(new VoiceResponse.Builder().say(say(english, VoicePrompts.connecting(english)))
                    .dial(dial.build()).build());
        });
    }

    @POST
    @Path("/connect/answered")
    @Operation(summary = "The operator answered: the caller is with an operator now")
    public Response connectAnswered(@Context UriInfo uri, @QueryParam("call") String callerSid) {
        return webhooks.handle(uri, false, operatorLeg -> {
            if (callerSid != null) {
                calls.connected(callerSid);
            }
            return VoiceWebhooks.empty();
        });
    }

    @POST
    @Path("/connect/done")
    @Operation(summary = "The operator leg ended; an unanswered operator puts the caller back in the queue")
    public Response connectDone(@Context UriInfo uri, @QueryParam("lang") String lang) {
        return inLanguage(uri, lang, true, (call, english) -> {
            String status = call.param("DialCallStatus");
            if ("completed".equals(status) || "answered".equals(status)) {
                return VoiceWebhooks.twiml(VoiceTwiml.hangUp(new VoiceResponse.Builder()));
            }
            VoiceResponse.Builder r = new VoiceResponse.Builder().say(say(english,
                    VoicePrompts.operatorMissed(english)));
            Optional<CallState> state = calls.call(call.callSid());
            String queue = state.map(CallState::queue).filter(q -> q != null).orElse(config.voice().queue());
            return VoiceWebhooks.twiml(enqueue(r, call, english, queue));
        });
    }

    @POST
    @Path("/voicemail")
    @Operation(summary = "The voicemail is recorded: it becomes a ticket and the caller hears its number")
    public Response voicemailDone(@Context UriInfo uri, @QueryParam("lang") String lang) {
        return inLanguage(uri, lang, true, (call, english) -> {
            VoiceResponse.Builder r = new VoiceResponse.Builder();
            if (call.param("RecordingSid").isEmpty() || call.param("RecordingUrl").isEmpty()) {
                return VoiceWebhooks.twiml(VoiceTwiml.hangUp(r.say(say(english, VoicePrompts.noMessage(english)))));
            }
            if (!call.param("RecordingUrl").startsWith("https://")) {
                return TwilioWebhook.badRequest("RecordingUrl is not an https URL");
            }
            try {
                String reference = voicemailTicket(call, english);
                r.say(say(english, VoicePrompts.messageKept(english, reference)));
            } catch (IntakeUnavailableException e) {
                LOG.errorf("voicemail %s of call %s not kept: %s", call.param("RecordingSid"), call.callSid(),
                        e.getMessage());
                r.say(say(english, VoicePrompts.busy(english)));
            }
            return VoiceWebhooks.twiml(VoiceTwiml.hangUp(r));
        });
    }

    @POST
    @Path("/voicemail/recording")
    @Operation(summary = "Recording status: a completed voicemail is a ticket even when the caller hung up at once")
    public Response recordingStatus(@Context UriInfo uri, @QueryParam("lang") String lang) {
        return inLanguage(uri, lang, false, (call, english) -> {
            if (!"completed".equals(call.param("RecordingStatus"))) {
                return VoiceWebhooks.empty();
            }
            if (call.param("RecordingSid").isEmpty() || !call.param("RecordingUrl").startsWith("https://")) {
                return TwilioWebhook.badRequest("RecordingSid and an https RecordingUrl are required");
            }
            voicemailTicket(call, english);
            return VoiceWebhooks.empty();
        });
    }

    @POST
    @Path("/voicemail/transcription")
    @Operation(summary = "The voicemail's transcription: added to its ticket (text and attachment)")
    public Response transcription(@Context UriInfo uri, @QueryParam("lang") String lang) {
        return inLanguage(uri, lang, false, (call, english) -> {
            String text = call.param("TranscriptionText");
            String recordingSid = call.param("RecordingSid");
            if (!"completed".equals(call.param("TranscriptionStatus")) || text.isEmpty()) {
                LOG.infof("transcription of %s: %s, nothing to add", recordingSid, call.param("TranscriptionStatus"));
                return VoiceWebhooks.empty();
            }
            if (recordingSid.isEmpty()) {
                return TwilioWebhook.badRequest("RecordingSid is required");
            }
            String reference = references.reserve(Channel.VOICE, recordingSid, references.next());
            String transcriptionSid = call.param("TranscriptionSid");
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            String url = call.param("TranscriptionUrl");
            Attachment transcript = new Attachment("transcript-" + recordingSid + ".txt", "text/plain; charset=UTF-8",
                    bytes.length, Base64.getEncoder().encodeToString(bytes), url.isEmpty() ? null : url);
            intake.submit(new InboundContact(Channel.VOICE, recordingSid + "/transcript"
                    + (transcriptionSid.isEmpty() ? "" : "/" + transcriptionSid), reference, clock.instant(),
                    phoneOf(call), null, VoicePrompts.in(english).voicemailTranscript(text), lang(english),
                    null, null, null, null, null, List.of(transcript), ContactIntent.FOLLOW_UP));
            return VoiceWebhooks.empty();
        });
    }

    @POST
    @Path("/status")
    @Operation(summary = "Call status callback (the number's \"call status changes\" URL, and the hub's own calls)")
    public Response status(@Context UriInfo uri) {
        return webhooks.handle(uri, true, call -> {
            String status = call.param("CallStatus");
            Optional<Integer> rank = TwilioCallStatus.rank(status);
            if (rank.isEmpty()) {
                return TwilioWebhook.badRequest("CallStatus is required");
            }
            if (rank.get() >= TwilioCallStatus.FINAL) {
                outbox.ended(call.callSid(), status, config.voice().surveyRetryAfter())
                        .ifPresent(s -> LOG.infof("outbound call %s ended %s: %s", call.callSid(), status, s));
            }
            return VoiceWebhooks.empty();
        });
    }

    /** A step of the call in the caller's language ({@code lang} of its URL), answered with TwiML built on r. */
    @FunctionalInterface
    interface Step {

        VoiceResponse answer(VoiceRequest call, boolean english, VoiceResponse.Builder r);
    }

    private Response step(UriInfo uri, String lang, Step step) {
        return inLanguage(uri, lang, true,
                (call, english) -> VoiceWebhooks.twiml(step.answer(call, english, new VoiceResponse.Builder())));
    }

    /** A webhook answered in the caller's language: {@code lang} of its URL, en for English, else Chinese. */
    @FunctionalInterface
    interface InLanguage {

        Response answer(VoiceRequest call, boolean english);
    }

    /** {@link VoiceWebhooks#handle} in the language of the URL ({@code log}: as there). */
    private Response inLanguage(UriInfo uri, String lang, boolean log, InLanguage then) {
        boolean english = "en".equals(lang);
        return webhooks.handle(uri, log, call -> then.answer(call, english));
    }

    // ---- TwiML pieces ----

    /** A wrong or missing key: asked again once ({@code askAgain} of the next attempt), then to an operator. */
    private VoiceResponse againOrOperator(VoiceResponse.Builder r, VoiceRequest call, boolean english, int attempt,
            IntFunction<VoiceResponse> askAgain) {
        if (attempt < 2) {
            return askAgain.apply(attempt + 1);
        }
        r.say(say(english, VoicePrompts.toOperatorAfterInvalid(english)));
        return toOperator(r, call, english, TOPIC_NO_CHOICE);
    }

    private static VoiceResponse.Builder invalid(VoiceResponse.Builder r, boolean english) {
        return r.say(say(english, VoicePrompts.invalid(english)));
    }

    /** The main menu, after the out-of-hours notice when nobody is on duty. */
    private VoiceResponse mainMenu(VoiceResponse.Builder r, boolean english) {
        if (!hours.staffed()) {
            r.say(say(english, VoicePrompts.closed(english)));
        }
        return menu(r, english, 1);
    }

    /** A confirmed surge near the caller, before the menu: 1 goes on to the menu, no key says goodbye. */
    private VoiceResponse surgeNotice(VoiceResponse.Builder r, boolean english, SurgeNotice notice) {
        String next = webhooks.url("/surge?lang=" + lang(english));
        return VoiceTwiml.ask(r, VoiceTwiml.oneKey(next, config.voice().menuTimeout())
                .say(say(english, VoicePrompts.surge(english, notice))), next);
    }

    private VoiceResponse menu(VoiceResponse.Builder r, boolean english, int attempt) {
        String next = webhooks.url("/menu?lang=" + lang(english) + "&attempt=" + attempt);
        return VoiceTwiml.ask(r, VoiceTwiml.withEnglishKey(VoiceTwiml.oneKey(next, config.voice().menuTimeout())
                .say(say(english, VoicePrompts.menu(english))), english), next);
    }

    private VoiceResponse assuranceMenu(VoiceResponse.Builder r, boolean english, CallerProfile caller, int attempt) {
        String next = webhooks.url("/assurance?lang=" + lang(english) + "&attempt=" + attempt);
        return VoiceTwiml.ask(r, VoiceTwiml.withEnglishKey(VoiceTwiml.oneKey(next, config.voice().assuranceTimeout())
                .say(say(english, VoicePrompts.assurance(english, caller.name(), caller.silenceAlarm()))), english),
                next);
    }

    private VoiceResponse askReference(VoiceResponse.Builder r, boolean english, int attempt) {
        String next = webhooks.url("/lookup?lang=" + lang(english) + "&attempt=" + attempt);
        return VoiceTwiml.ask(r, VoiceTwiml.keysToHash(next, LOOKUP_TIMEOUT)
                .say(say(english, VoicePrompts.askReference(english))), next);
    }

    private VoiceResponse urgent(VoiceResponse.Builder r, VoiceRequest call, CallerProfile caller, boolean silent,
            boolean english) {
        calls.chose(call.callSid(), TOPIC_URGENT, null);
        try {
            String reference = assurance.raise(call, caller, silent);
            r.say(say(english, VoicePrompts.urgentRaised(english, reference, CallAssurance.textsContacts(caller))));
        } catch (IntakeUnavailableException e) {
            // No ticket now: a person must take this call, whatever the hour.
            LOG.errorf("call assurance for call %s could not raise a ticket: %s", call.callSid(), e.getMessage());
            r.say(say(english, VoicePrompts.priorityConnect(english)));
            return enqueue(r, call, english, config.voice().priorityQueue());
        }
        if (!hours.staffed()) {
            return VoiceTwiml.hangUp(r.say(say(english, VoicePrompts.stayOnLine(english))));
        }
        r.say(say(english, VoicePrompts.priorityConnect(english)));
        return enqueue(r, call, english, config.voice().priorityQueue());
    }

    /** To an operator when staffed (registered vulnerable residents to the priority queue), else voicemail. */
    private VoiceResponse toOperator(VoiceResponse.Builder r, VoiceRequest call, boolean english, String topic) {
        calls.chose(call.callSid(), topic, lang(english));
        if (!hours.staffed()) {
            return voicemail(r, english);
        }
        boolean vulnerable = calls.call(call.callSid()).map(CallState::vulnerable).orElse(false);
        r.say(say(english, VoicePrompts.connecting(english)));
        return enqueue(r, call, english, vulnerable ? config.voice().priorityQueue() : config.voice().queue());
    }

    private VoiceResponse enqueue(VoiceResponse.Builder r, VoiceRequest call, boolean english, String queue) {
        calls.enqueued(call.callSid(), queue);
        return r.enqueue(new Enqueue.Builder(queue).waitUrl(webhooks.url("/queue/wait?lang=" + lang(english)))
                .waitUrlMethod(HttpMethod.POST).action(webhooks.url("/queue/done?lang=" + lang(english)))
                .method(HttpMethod.POST).build()).build();
    }

    private VoiceResponse voicemail(VoiceResponse.Builder r, boolean english) {
        String lang = lang(english);
        return VoiceTwiml.hangUp(r.say(say(english, VoicePrompts.voicemail(english)))
                .record(new Record.Builder().action(webhooks.url("/voicemail?lang=" + lang)).method(HttpMethod.POST)
                        .maxLength(config.voice().voicemailMaxSeconds()).timeout(RECORD_SILENCE).finishOnKey("#")
                        .playBeep(true).transcribe(true)
                        .transcribeCallback(webhooks.url("/voicemail/transcription?lang=" + lang))
                        .recordingStatusCallback(webhooks.url("/voicemail/recording?lang=" + lang))
                        .recordingStatusCallbackMethod(HttpMethod.POST)
                        .recordingStatusCallbackEvents(Record.RecordingEvent.COMPLETED).build())
                .say(say(english, VoicePrompts.noMessage(english))));
    }

    /** The voicemail's ticket, once per RecordingSid whichever of the Record action and its status callback comes. */
    private String voicemailTicket(VoiceRequest call, boolean english) {
        String recordingSid = call.param("RecordingSid");
        String reference = references.reserve(Channel.VOICE, recordingSid, references.next());
        Optional<CallState> state = calls.call(call.callSid());
        String topic = state.map(CallState::topic).orElse(null);
        String seconds = call.param("RecordingDuration");
        VoiceMessages words = VoicePrompts.in(english);
        String text = words.voicemailTicket(topic != null, topic == null ? null : words.topic(topic), seconds);
        Attachment recording = new Attachment("voicemail-" + recordingSid + ".wav", "audio/wav", 0, null,
                call.param("RecordingUrl"));
        intake.submit(new InboundContact(Channel.VOICE, recordingSid, reference, clock.instant(), phoneOf(call), null,
                text, lang(english), null, null, null, null, null, List.of(recording), ContactIntent.REQUEST));
        calls.recording(call.callSid(), recordingSid);
        calls.linkTicket(call.callSid(), reference);
        return reference;
    }

    /** The caller's phone; callbacks about a recording may not carry it, the call log has it. */
    private String phoneOf(VoiceRequest call) {
        if (call.phone() != null) {
            return call.phone();
        }
        return calls.call(call.callSid()).map(CallState::from).orElse(null);
    }

    static String lang(boolean english) {
        return ResidentTexts.language(english);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
