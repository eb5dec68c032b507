package org.hotlinehub.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hotlinehub.model.AppealStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A partner's appeal (申诉) against one survey result, and the supervisor's decision on it. */
@Entity
@Table(name = "survey_appeal")
public class SurveyAppealEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "survey_answer_id")
    public long surveyAnswerId;
    @Column(name = "ticket_id")
    public long ticketId;
    @Column(name = "assignment_id")
    public long assignmentId;
    @Column(name = "partner_code")
    public String partnerCode;
    public String reason;
    @Enumerated(EnumType.STRING)
    public AppealStatus status;
    @Column(name = "filed_at")
    public Instant filedAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decision_note")
    public String decisionNote;
}
