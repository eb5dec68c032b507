package org.hotlinehub.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hotlinehub.model.AssignmentState;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "assignment")
public class AssignmentEntity extends PanacheEntityBase {

    /** How many ids the session takes from the sequence at once; the sequence's step (V79). */
    public static final int ID_BLOCK = 50;

    public static final String ROLE_LEAD = "lead";
    public static final String ROLE_SUPPORT = "support";

    /**
     * Drawn from the table's sequence in blocks of {@value #ID_BLOCK} (V79 makes the sequence step by as much), so an
     * assignment is written at the session's flush and a dispatch chunk's offers go in one JDBC batch, instead of one
     * round trip per offer when it is persisted.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assignment_ids")
    @SequenceGenerator(name = "assignment_ids", sequenceName = "assignment_id_seq", allocationSize = ID_BLOCK)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "ticket_id")
    public TicketEntity ticket;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "partner_id")
    public PartnerEntity partner;
    /** Set instead of {@link #partner} when a registered volunteer takes the ticket. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "volunteer_id")
    public VolunteerEntity volunteer;
    public String role = ROLE_LEAD;
    @Enumerated(EnumType.STRING)
    public AssignmentState state;
    /** Why this partner was chosen, in words an operator can check. */
    public String reason;
    @Column(name = "offered_at")
    public Instant offeredAt;
    @Column(name = "accept_by")
    public Instant acceptBy;
    @Column(name = "resolve_by")
    public Instant resolveBy;
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    @Column(name = "closed_reason")
    public String closedReason;
    @Column(name = "return_reason")
    public String returnReason;
    @Column(name = "resolution_note")
    public String resolutionNote;
    @Column(name = "resolution_photo_url")
    public String resolutionPhotoUrl;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "accept_warned_at")
    public Instant acceptWarnedAt;
    @Column(name = "resolve_warned_at")
    public Instant resolveWarnedAt;
    /** When the holder and the console are warned that accept-by approaches (set with the clocks). */
    @Column(name = "accept_warn_at")
    public Instant acceptWarnAt;
    /** When the holder and the console are warned that resolve-by approaches. */
    @Column(name = "resolve_warn_at")
    public Instant resolveWarnAt;
    /** Set while the clocks are paused (waiting for the resident); the sweep leaves the row alone. */
    @Column(name = "paused_at")
    public Instant pausedAt;
    @Column(name = "pause_reason")
    public String pauseReason;
    /** Time spent paused so far, in seconds (not counted against either clock). */
    @Column(name = "paused_s")
    public long pausedSeconds;
    /** When resolve-by passed without a resolution (督办: the ticket is overdue). */
    @Column(name = "overdue_at")
    public Instant overdueAt;
    /** How long the rules took to choose this assignee, in microseconds (null when a person chose). */
    @Column(name = "decision_us")
    public Integer decisionMicros;
    /** The catalog version the rules chose by (catalog_version, V109); null when a person chose. */
    @Column(name = "catalog_version")
    public Integer catalogVersion;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The partner's or volunteer's code. */
    public String assigneeCode() {
        return partner != null ? partner.code : volunteer.code;
    }
}
