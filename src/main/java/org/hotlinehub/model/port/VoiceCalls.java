package org.hotlinehub.model.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hotlinehub.model.TicketStatus;

/**
 * The voice line's memory: every call once by CallSid with its statuses, where the caller is (menu, operator queue,
 * with an operator), who is calling (the resident's profile for call assurance and the operator's screen), and the
 * call-back list of callers who left the queue unanswered. Each method is its own short transaction.
 */
public interface VoiceCalls {

    /** Where a call is. */
    enum Stage {
        MENU,
        QUEUED,
        CONNECTING,
        CONNECTED,
        ENDED
    }

    /**
     * Logs a webhook or status callback: the call row the first time its sid is seen, the status only when it ranks
     * above the recorded one (callbacks arrive out of order), the duration when given. A final status for a caller
     * still waiting in the queue puts the call on the call-back list, once.
     *
     * @param rank the status' place in a call's life (queued 1 … completed 4), see {@code TwilioCallStatus}
     */
    void log(CallEvent event);

    /** The profile of the resident with this phone, if one is known. */
    Optional<CallerProfile> caller(String phone);

    Optional<CallState> call(String callSid);

    /** The caller picked a menu topic (or language). */
    void chose(String callSid, String topic, String language);

    /** The caller is now waiting in this Twilio queue (again, after an operator missed the call). */
    void enqueued(String callSid, String queue);

    /**
     * The longest-waiting call of the priority queue, else of the normal queue, marked as being connected to this
     * operator (SKIP LOCKED: two operators never get the same caller).
     */
    Optional<CallState> takeNext(String operator, String priorityQueue);

    /** The operator answered. */
    void connected(String callSid);

    /** Leaves the call on the list because the caller is gone from the queue; {@code reason} says why. */
    void toCallBack(String callSid, String reason);

    void recording(String callSid, String recordingSid);

    void linkTicket(String callSid, String reference);

    /** Calls in the menu, the queue or with an operator, priority first then longest waiting. */
    List<LiveCall> live();

    List<Callback> callbacks(boolean includeDone);

    /** @throws org.hotlinehub.model.NotFoundException when there is no such entry */
    Callback callbackDone(long id, String actor, String note);

    record CallEvent(String callSid, String direction, String from, String to, String status, int rank,
            Integer durationSeconds, Integer sequence) {
    }

    /**
     * @param vulnerable registered as elderly living alone or disabled: call assurance applies
     * @param silenceAlarm whether silence at the call-assurance greeting counts as a call for help
     * @param textContacts whether emergency contacts get an SMS when an urgent ticket is raised
     */
    record CallerProfile(long residentId, String phone, String name, String address, String placeCode,
            String placeName, List<String> flags, String language, boolean registered, boolean vulnerable,
            boolean silenceAlarm, boolean textContacts, List<String> emergencyContacts,
            List<RecentTicket> recentTickets) {
    }

    record RecentTicket(String reference, TicketStatus status, String categoryZh, String categoryEn,
            Instant createdAt) {
    }

    record CallState(String callSid, String from, String to, Stage stage, boolean vulnerable, String language,
            String topic, String queue, Instant enqueuedAt, String operator, String ticketReference,
            Long residentId) {
    }

    record LiveCall(String callSid, String from, Stage stage, boolean vulnerable, String language, String topic,
            String queue, Instant startedAt, Instant enqueuedAt, String operator, String ticketReference,
            Optional<CallerProfile> caller) {
    }

    record Callback(long id, String callSid, String phone, String reason, Integer waitedSeconds, Instant createdAt,
            Instant doneAt, String doneBy, String note, Optional<CallerProfile> caller) {
    }
}
