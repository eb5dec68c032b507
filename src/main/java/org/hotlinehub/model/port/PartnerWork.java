package org.hotlinehub.model.port;

import java.util.List;
import java.util.Optional;

import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.AssignmentView;

/** What a partner may do with the assignments offered to it (partner API, later the portal and SMS keywords). */
public interface PartnerWork {

    /** The partner code for an API key, if the key is current. */
    Optional<String> authenticate(String apiKey);

    List<AssignmentView> list(String partnerCode, Optional<AssignmentState> state, int offset, int limit);

    AssignmentView accept(String partnerCode, long assignmentId);

    AssignmentView decline(String partnerCode, long assignmentId, String reason);

    /** The partner reports the work done: the assignment and its ticket become resolved. */
    AssignmentView resolve(String partnerCode, long assignmentId, String note);
}
