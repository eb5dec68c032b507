package org.hotlinehub.store;

import java.time.Instant;
import java.util.Base64;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hotlinehub.model.Attachment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "attachment")
public class AttachmentEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "ticket_id")
    public Long ticketId;
    public String filename;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "size_bytes")
    public Long sizeBytes;
    public byte[] data;
    public String url;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Set while the file is known only by its URL and still to be fetched (the next try); see V93. */
    @Column(name = "fetch_after")
    public Instant fetchAfter;
    @Column(name = "fetch_attempts")
    public int fetchAttempts;
    @Column(name = "fetch_error")
    public String fetchError;

    /**
     * Stores a file that came with a contact or a partner's answer on the ticket, in the caller's transaction. A file
     * that came as a URL only is marked to be fetched.
     *
     * @param now the hub's clock
     */
    public static AttachmentEntity store(long ticketId, Attachment a, Instant now) {
        AttachmentEntity row = new AttachmentEntity();
        row.createdAt = now;
        row.ticketId = ticketId;
        row.filename = a.filename();
        row.contentType = a.contentType();
        row.sizeBytes = a.sizeBytes();
        row.url = a.url();
        row.data = a.base64Data() == null ? null : Base64.getDecoder().decode(a.base64Data());
        // a file known only by a URL is fetched and kept here (EvidenceFetchJob); the bytes are then the hub's own
        row.fetchAfter = row.data == null && row.url != null ? now : null;
        row.persist();
        return row;
    }
}
