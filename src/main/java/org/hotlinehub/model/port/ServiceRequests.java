package org.hotlinehub.model.port;

import java.util.List;
import java.util.Optional;

import org.hotlinehub.model.Open311Submission;
import org.hotlinehub.model.ServiceRequestQuery;
import org.hotlinehub.model.ServiceRequestRecord;

/** Service requests as Open311 sees them: tickets of every channel, plus what Open311 clients filed. */
public interface ServiceRequests {

    /**
     * Keeps a submission under its token; a retry of the same reference keeps the first one.
     *
     * @return the token stored for the submission's reference (the first one given for it)
     * @throws org.hotlinehub.model.IntakeUnavailableException when the database cannot be reached
     */
    String record(Open311Submission submission);

    /** Newest first, at most {@code query.limit()}. */
    List<ServiceRequestRecord> find(ServiceRequestQuery query);

    /** By ticket reference; also a filed request whose ticket intake has not made yet. */
    Optional<ServiceRequestRecord> find(String reference);

    /** A token that was given out, with the reference once intake has made the ticket (empty until then). */
    Optional<TokenState> token(String token);

    record TokenState(String token, Optional<String> reference) {
    }
}
