package org.hotlinehub.connectors.twilio;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.connectors.twilio.VoiceCalls.CallerProfile;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.ContactIntent;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.ResidentFlags;
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
        boolean english = "en".equals(resident.language());
        VoiceMessages words = VoicePrompts.in(english);
        Instant now = clock.instant();
        String where = where(resident);
        String reference = raise(call.callSid(), resident, words.assuranceTicket(name(resident),
                ResidentFlags.names(resident.flags(), english), silent),
                ref -> words.assuranceContacts(name(resident), at(now), silent, where != null, where, ref),
                ref -> words.contactCall(name(resident), at(now), silent, where != null, where,
                        VoicePrompts.digits(ref)),
                now);
        calls.linkTicket(call.callSid(), reference);
        LOG.infof("call assurance: urgent ticket %s for %s (%s)", reference, Masks.phone(resident.phone()),
                silent ? "silence" : "key 1");
        return reference;
    }

    /**
     * A resident with a daily check-in did not check in by {@code by} on {@code day}: the same urgent ticket and
     * parallel offers as a silent alarm, the contacts texted and called. Keyed by resident and day, so a repeat (after
     * a crash before the sweep's claim was committed) is the same contact for intake and queues no second SMS or call.
     *
     * @return the urgent ticket's reference
     */
    String raiseMissedCheckIn(CallerProfile resident, LocalDate day, LocalTime by) {
        boolean english = "en".equals(resident.language());
        VoiceMessages words = VoicePrompts.in(english);
        String time = by.format(DateTimeFormatter.ofPattern("HH:mm"));
        String where = where(resident);
        String reference = raise("check-in-" + day + "-r" + resident.residentId(), resident,
                words.missedCheckInTicket(name(resident), ResidentFlags.names(resident.flags(), english), time),
                ref -> words.missedCheckInContacts(name(resident), time, where != null, where, ref),
                ref -> words.missedCheckInCall(name(resident), time, where != null, where, VoicePrompts.digits(ref)),
                clock.instant());
        LOG.infof("call assurance: urgent ticket %s for %s, no check-in by %s on %s", reference,
                Masks.phone(resident.phone()), time, day);
        return reference;
    }

    /**
     * Raises the emergency, queues its urgent ticket, and texts and calls the emergency contacts; {@code key} (a call
     * SID, or a resident's day) makes every step idempotent.
     */
    private String raise(String key, CallerProfile resident, String ticketText, UnaryOperator<String> contactText,
            UnaryOperator<String> contactCall, Instant now) {
        String externalId = key + "/assurance";
        String reference = references.reserve(Channel.VOICE, externalId, references.next());
        boolean english = "en".equals(resident.language());
        emergencies.raise(reference);
        intake.submit(new InboundContact(Channel.VOICE, externalId, reference, now, resident.phone(),
                resident.name(), ticketText, ResidentTexts.language(english), config.voice().urgentCategory(),
                resident.placeCode(),
                resident.address(), null, null, List.of(), ContactIntent.REQUEST));
        if (resident.textContacts()) {
            String message = contactText.apply(reference);
            List<String> contacts = resident.emergencyContacts();
            String spoken = config.assurance().callContacts() ? contactCall.apply(reference) : null;
            for (int i = 0; i < contacts.size(); i++) {
                sms.enqueue("assurance-" + key + "-" + i, contacts.get(i), message, "assurance", reference);
                if (spoken != null) {
                    // one attempt: an emergency's window is minutes, the operators take over when it ends
                    voiceOutbox.enqueue("assurance-call-" + key + "-" + i, Emergencies.CONTACT_CALL,
                            contacts.get(i), reference, resident.language(), 1, spoken);
                }
            }
        }
        return reference;
    }

    /** Whether the resident's emergency contacts are told of an urgent ticket. */
    static boolean textsContacts(CallerProfile resident) {
        return resident.textContacts() && !resident.emergencyContacts().isEmpty();
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
