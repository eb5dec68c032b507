package org.hotlinehub.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.SurveyResult;
import org.hotlinehub.model.TicketStatus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "ticket")
public class TicketEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String reference;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "resident_id")
    public ResidentEntity resident;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id")
    public CatalogEntryEntity category;
    public String description;
    public String language = "zh";
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "place_id")
    public PlaceEntity place;
    public String address;
    public Double lat;
    public Double lon;
    public String priority;
    @Enumerated(EnumType.STRING)
    public TicketStatus status;
    /** Answers to the category's custom attributes as JSON: {"code": ["value", ...]}. */
    @ColumnTransformer(write = "?::jsonb")
    public String attributes = "{}";

    private static final TypeReference<Map<String, List<String>>> ANSWERS = new TypeReference<>() {
    };

    /** {@link #attributes} read: the answers by attribute code. */
    public Map<String, List<String>> answers(ObjectMapper json) {
        try {
            return attributes == null ? Map.of() : json.readValue(attributes, ANSWERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ticket attributes are not valid JSON", e);
        }
    }
    @Column(name = "triage_reason")
    public String triageReason;
    @Column(name = "survey_requested_at")
    public Instant surveyRequestedAt;
    @Column(name = "survey_result")
    @Enumerated(EnumType.STRING)
    public SurveyResult surveyResult;
    @Column(name = "survey_answered_at")
    public Instant surveyAnsweredAt;
    /**
     * The latest call-back outcome: a {@link SurveyResult} name, or NO_REPLY / NOT_ASKED (see
     * {@link SurveyAnswerEntity}).
     */
    @Column(name = "survey_outcome")
    public String surveyOutcome;
    /** An upheld appeal took the latest outcome out of the rates. */
    @Column(name = "survey_excluded")
    public boolean surveyExcluded;
    /** The ticket this duplicate was merged into (status MERGED). */
    @Column(name = "merged_into_id")
    public Long mergedIntoId;
    /** The ticket this one was split off (V126): a second problem of the same report, with its own reference. */
    @Column(name = "split_from_id")
    public Long splitFromId;
    /** The request key of the split that made this ticket, so a split sent twice makes one ticket. */
    @Column(name = "split_key")
    public String splitKey;
    /**
     * How many residents reported this incident, counting its own (V87); read-only here: only incident linking
     * changes it, with one statement, so a ticket written back by other work never overwrites a count that moved.
     */
    @Column(name = "reporter_count", insertable = false, updatable = false)
    public int reporterCount = 1;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
