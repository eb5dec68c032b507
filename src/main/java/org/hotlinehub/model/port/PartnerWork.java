package org.hotlinehub.model.port;

import java.util.List;
import java.util.Optional;

import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.AssignmentView;
import org.hotlinehub.model.Attachment;
import org.hotlinehub.model.PartnerActor;
import org.hotlinehub.model.ReturnReason;
import org.hotlinehub.model.TimelineItem;

/**
 * What a partner may do with the assignments offered to it (partner API, the partner queue, the portal and SMS
 * keywords). The code is a partner's or, for SMS keywords, a registered volunteer's; a portal user
 * ({@link PartnerActor#isUser()}) reaches only its partner's assignments. Every call is idempotent: repeating the last
 * call answers the same; a move the state does not allow is refused with
 * {@link org.hotlinehub.model.IllegalTransitionException}; an assignment that is not the caller's is
 * {@link org.hotlinehub.model.NotFoundException}. The timeline records who acted and on which channel.
 */
public interface PartnerWork {

    /** The partner code for an API key, if the key is current. */
    Optional<String> authenticate(String apiKey);

    List<AssignmentView> list(PartnerActor by, Optional<AssignmentState> state, int offset, int limit);

    AssignmentView get(PartnerActor by, long assignmentId);

    /** The caller's own steps on the assignment's ticket (accepted, notes, returns, resolution), oldest first. */
    List<TimelineItem> history(PartnerActor by, long assignmentId);

    AssignmentView accept(PartnerActor by, long assignmentId);

    AssignmentView decline(PartnerActor by, long assignmentId, String reason);

    /** 退单: hands an accepted ticket back with a reason; the hub rules on it. */
    AssignmentView giveBack(PartnerActor by, long assignmentId, ReturnReason reason, String note);

    /** A progress note; the same note sent twice in a row is recorded once. */
    AssignmentView progress(PartnerActor by, long assignmentId, String note);

    /** Resolved, with what was done, optionally a photo's URL or a photo uploaded here (stored on the ticket). */
    AssignmentView resolve(PartnerActor by, long assignmentId, String note, String photoUrl, Attachment photo);

    // The partner itself, through its API key or queue:

    default List<AssignmentView> list(String partnerCode, Optional<AssignmentState> state, int offset, int limit) {
        return list(PartnerActor.api(partnerCode), state, offset, limit);
    }

    default AssignmentView get(String partnerCode, long assignmentId) {
        return get(PartnerActor.api(partnerCode), assignmentId);
    }

    default AssignmentView accept(String partnerCode, long assignmentId) {
        return accept(PartnerActor.api(partnerCode), assignmentId);
    }

    default AssignmentView decline(String partnerCode, long assignmentId, String reason) {
        return decline(PartnerActor.api(partnerCode), assignmentId, reason);
    }

    default AssignmentView giveBack(String partnerCode, long assignmentId, ReturnReason reason, String note) {
        return giveBack(PartnerActor.api(partnerCode), assignmentId, reason, note);
    }

    default AssignmentView progress(String partnerCode, long assignmentId, String note) {
        return progress(PartnerActor.api(partnerCode), assignmentId, note);
    }

    default AssignmentView resolve(String partnerCode, long assignmentId, String note, String photoUrl) {
        return resolve(PartnerActor.api(partnerCode), assignmentId, note, photoUrl, null);
    }
}
