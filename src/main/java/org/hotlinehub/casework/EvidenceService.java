package org.hotlinehub.casework;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.EvidenceFile;
import org.hotlinehub.model.PartnerActor;
import org.hotlinehub.model.Thumbnails;
import org.hotlinehub.model.port.Evidence;
import org.hotlinehub.store.AttachmentEntity;
import org.hotlinehub.store.EvidenceQueries;

/** Who may open which file of a ticket ({@link Evidence}): one rule for the console, the portal and the partner API. */
@ApplicationScoped
public class EvidenceService implements Evidence {

    @Inject
    EvidenceQueries files;

    @Override
    @Transactional
    public Optional<EvidenceFile> forStaff(String reference, long attachmentId, boolean thumbnail) {
        return files.storedOfTicket(reference, attachmentId).map(f -> file(f, thumbnail));
    }

    @Override
    @Transactional
    public Optional<EvidenceFile> forHolder(PartnerActor by, long assignmentId, long attachmentId,
            boolean thumbnail) {
        // a portal user acts for its partner only, never for a volunteer who happens to share the code
        return files.storedPhotoOfHeld(assignmentId, by.partnerCode(), by.isUser(), attachmentId)
                .map(f -> file(f, thumbnail));
    }

    private static EvidenceFile file(AttachmentEntity f, boolean thumbnail) {
        EvidenceFile whole = new EvidenceFile(f.id, f.filename, f.contentType, f.data);
        if (!thumbnail || !whole.image()) {
            return whole;
        }
        return Thumbnails.fit(f.data, THUMBNAIL)
                .map(small -> small == f.data ? whole : new EvidenceFile(f.id, f.filename, "image/jpeg", small))
                .orElse(whole);
    }
}
