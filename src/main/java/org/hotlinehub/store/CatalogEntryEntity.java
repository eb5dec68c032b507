package org.hotlinehub.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@EntityListeners(ReferenceWrites.class)
@Table(name = "catalog_entry")
public class CatalogEntryEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String code;
    @Column(name = "name_zh")
    public String nameZh;
    @Column(name = "name_en")
    public String nameEn;
    @Column(name = "group_code")
    public String groupCode;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "keywords_zh")
    public List<String> keywordsZh = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "keywords_en")
    public List<String> keywordsEn = new ArrayList<>();
    public String urgency;
    @Column(name = "accept_within_s")
    public long acceptWithinSeconds;
    @Column(name = "resolve_within_s")
    public long resolveWithinSeconds;
    @Column(name = "party_type")
    public String partyType;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "fallback_types")
    public List<String> fallbackTypes = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> skills = new ArrayList<>();
    /** Custom attributes as JSON (a list of {@link org.hotlinehub.model.CatalogAttribute}). */
    @ColumnTransformer(write = "?::jsonb")
    public String attributes = "[]";
    /** Whether reports of this need may be one incident that many residents report (issue 21, V115). */
    public boolean incidents;
    public int version = 1;
    public boolean active = true;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public Duration acceptWithin() {
        return Duration.ofSeconds(acceptWithinSeconds);
    }

    public Duration resolveWithin() {
        return Duration.ofSeconds(resolveWithinSeconds);
    }
}
