package org.hotlinehub.connectors.twilio;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.connectors.twilio.VoiceCalls.CallerProfile;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.ContactIntent;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.ResidentTexts;
import org.hotlinehub.model.port.Emergencies;
import org.hotlinehub.model.port.IntakeQueue;
import org.hotlinehub.model.port.ReferenceNumbers;
import org.hotlinehub.model.port.SmsOutbox;
import org.hotlinehub.model.port.VoiceOutbox;
import org.jboss.logging.Logger;

/**
 * 呼叫保障: a registered elderly or disabled resident who presses 1 (or, unless their profile says otherwise, stays
 * silent) raises an emergency and gets an urgent ticket at once, located to their registered home. The emergency is
 * raised before the ticket is queued, so dispatch offers the ticket at once to the nearest volunteers and the
 * community's staff ({@link Emergencies}); their emergency contacts are texted and called (unless switched off for
 * them), and a contact who presses 1 on that call takes it ({@link TwilioAssuranceContactResource}). The ticket goes
 * through hub.intake and is durable before the caller hears its number; retries of the same call give the same ticket
 * and queue no second SMS or call.
 */
@ApplicationScoped
public class CallAssurance {

    private static final Logger LOG = Logger.getLogger(CallAssurance.class);

    @Inject
    ReferenceNumbers references;
    @Inject
    IntakeQueue intake;
    @Inject
    SmsOutbox sms;
    @Inject
    VoiceCalls calls;
    @Inject
    Emergencies emergencies;
    @Inject
    VoiceOutbox voiceOutbox;
    @Inject
    VoiceHours hours;
    @Inject
    HubConfig config;
    @Inject
    Clock clock;

    /** @return the urgent ticket's reference */
    String raise(VoiceRequest call, CallerProfile resident, boolean silent) {
        String externalId = call.callSid() + "/assurance";
        String reference = references.reserve(Channel.VOICE, externalId, references.next());
        boolean english = "en".equals(resident.language());
        String text = VoicePrompts.in(english).assuranceTicket(name(resident), resident.flags(), silent);
        Instant now = clock.instant();
        emergencies.raise(reference);
        intake.submit(new InboundContact(Channel.VOICE, externalId, reference, now, resident.phone(),
                resident.name(), text, ResidentTexts.language(english), config.voice().urgentCategory(),
                resident.placeCode(),
                resident.address(), null, null, List.of(), ContactIntent.REQUEST));
        calls.linkTicket(call.callSid(), reference);
        if (resident.textContacts()) {
            String message = contactText(resident, reference, silent, english, now);
            List<String> contacts = resident.emergencyContacts();
            String spoken = config.assurance().callContacts()
                    ? contactCall(resident, reference, silent, english, now)
                    : null;
            for (int i = 0; i < contacts.size(); i++) {
                sms.enqueue("assurance-" + call.callSid() + "-" + i, contacts.get(i), message, "assurance",
                        reference);
                if (spoken != null) {
                    // one attempt: an emergency's window is minutes, the operators take over when it ends
                    voiceOutbox.enqueue("assurance-call-" + call.callSid() + "-" + i, Emergencies.CONTACT_CALL,
                            contacts.get(i), reference, resident.language(), 1, spoken);
                }
            }
        }
        LOG.infof("call assurance: urgent ticket %s for %s (%s)", reference, Masks.phone(resident.phone()),
                silent ? "silence" : "key 1");
        return reference;
    }

    /** Whether the resident's emergency contacts are told of an urgent ticket. */
    static boolean textsContacts(CallerProfile resident) {
        return resident.textContacts() && !resident.emergencyContacts().isEmpty();
    }

    private String contactText(CallerProfile resident, String reference, boolean silent, boolean english,
            Instant now) {
        String where = where(resident);
        return VoicePrompts.in(english).assuranceContacts(name(resident), at(now), silent, where != null, where,
                reference);
    }

    /** What the call to a contact says before it asks whether they can go. */
    private String contactCall(CallerProfile resident, String reference, boolean silent, boolean english,
            Instant now) {
        String where = where(resident);
        return VoicePrompts.in(english).contactCall(name(resident), at(now), silent, where != null, where,
                VoicePrompts.digits(reference));
    }

    private String at(Instant now) {
        return DateTimeFormatter.ofPattern("HH:mm").withZone(hours.zone()).format(now);
    }

    private static String where(CallerProfile resident) {
        return resident.address() != null ? resident.address() : resident.placeName();
    }

    private static String name(CallerProfile resident) {
        return resident.name() == null ? Masks.phone(resident.phone()) : resident.name();
    }
}
