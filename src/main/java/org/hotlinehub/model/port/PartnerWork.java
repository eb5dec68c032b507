package org.hotlinehub.model.port;

import java.util.List;
import java.util.Optional;

import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.AssignmentView;
import org.hotlinehub.model.ReturnReason;

/**
 * What a partner may do with the assignments offered to it (partner API, the partner queue, later the portal and SMS
 * keywords). The code is a partner's or, for SMS keywords, a registered volunteer's. Every call is idempotent: repeating the last call answers the same; a move the state does not allow is
 * refused with {@link org.hotlinehub.model.IllegalTransitionException}.
 */
public interface PartnerWork {

    /** The partner code for an API key, if the key is current. */
    Optional<String> authenticate(String apiKey);

    List<AssignmentView> list(String partnerCode, Optional<AssignmentState> state, int offset, int limit);

    AssignmentView get(String partnerCode, long assignmentId);

    AssignmentView accept(String partnerCode, long assignmentId);

    AssignmentView decline(String partnerCode, long assignmentId, String reason);

    /** 退单: hands an accepted ticket back with a reason; the hub rules on it. */
    AssignmentView giveBack(String partnerCode, long assignmentId, ReturnReason reason, String note);

    AssignmentView progress(String partnerCode, long assignmentId, String note);

    AssignmentView resolve(String partnerCode, long assignmentId, String note, String photoUrl);
}
