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

    /**
     * Stores a file that came with a contact or a partner's answer on the ticket, in the caller's transaction.
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
        row.persist();
        return row;
    }
}
