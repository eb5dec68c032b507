package org.hotlinehub.model.port;

import java.util.Optional;

import org.hotlinehub.model.EvidenceFile;
import org.hotlinehub.model.PartnerActor;

/**
 * The files of a ticket as the hub hands them out, each download authorised here: staff may open every stored file
 * of a ticket (recordings, photos, transcripts); a partner or volunteer only the photos of a ticket whose assignment
 * it holds (accepted or in progress). Anything else does not exist for the caller (empty). A thumbnail is the photo
 * scaled down to fit {@link #THUMBNAIL} pixels, or the photo itself when it cannot be scaled.
 */
public interface Evidence {

    int THUMBNAIL = 240;

    /** A stored file of the ticket (reference or alias), for signed-in staff. */
    Optional<EvidenceFile> forStaff(String reference, long attachmentId, boolean thumbnail);

    /** A stored photo of the assignment's ticket, for the partner or volunteer holding the assignment. */
    Optional<EvidenceFile> forHolder(PartnerActor by, long assignmentId, long attachmentId, boolean thumbnail);
}
