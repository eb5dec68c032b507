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

import org.hotlinehub.model.Channel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One outcome of a call-back survey (回访), attributed to the lead assignment whose resolution was asked about. */
@Entity
@Table(name = "survey_answer")
public class SurveyAnswerEntity extends PanacheEntityBase {

    /** Nobody answered within hub.survey.no-reply-after. */
    public static final String NO_REPLY = "NO_REPLY";
    /** No channel reaches the resident (no phone, no linked account): closed without a call-back. */
    public static final String NOT_ASKED = "NOT_ASKED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "ticket_id")
    public long ticketId;
    @Column(name = "assignment_id")
    public Long assignmentId;
    /** A {@link org.hotlinehub.model.SurveyResult} name, {@link #NO_REPLY} or {@link #NOT_ASKED}. */
    public String outcome;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Column(name = "asked_at")
    public Instant askedAt;
    @Column(name = "answered_at")
    public Instant answeredAt;
    /** An upheld appeal took this result out of the rates. */
    public boolean excluded;
}
