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
import org.hotlinehub.model.port.IntakeQueue;
import org.hotlinehub.model.port.ReferenceNumbers;
import org.hotlinehub.model.port.SmsOutbox;
import org.jboss.logging.Logger;

/**
 * 呼叫保障: a registered elderly or disabled resident who presses 1 (or, unless their profile says otherwise, stays
 * silent) gets an urgent ticket at once, located to their registered home, so dispatch offers it to the grid's
 * volunteers and community like any other ticket; their emergency contacts are texted (unless switched off for them).
 * The ticket goes through hub.intake and is durable before the caller hears its number; retries of the same call
 * give the same ticket and queue no second SMS.
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
        intake.submit(new InboundContact(Channel.VOICE, externalId, reference, now, resident.phone(),
                resident.name(), text, ResidentTexts.language(english), config.voice().urgentCategory(),
                resident.placeCode(),
                resident.address(), null, null, List.of(), ContactIntent.REQUEST));
        calls.linkTicket(call.callSid(), reference);
        if (resident.textContacts()) {
            String message = contactText(resident, reference, silent, english, now);
            List<String> contacts = resident.emergencyContacts();
            for (int i = 0; i < contacts.size(); i++) {
                sms.enqueue("assurance-" + call.callSid() + "-" + i, contacts.get(i), message, "assurance",
                        reference);
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
        String at = DateTimeFormatter.ofPattern("HH:mm").withZone(hours.zone()).format(now);
        String where = resident.address() != null ? resident.address() : resident.placeName();
        return VoicePrompts.in(english).assuranceContacts(name(resident), at, silent, where != null, where,
                reference);
    }

    private static String name(CallerProfile resident) {
        return resident.name() == null ? Masks.phone(resident.phone()) : resident.name();
    }
}
