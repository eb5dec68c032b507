package org.hotlinehub.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * References to rows of this table that a session holds uninitialized (a dispatch chunk's chosen parties) are loaded
 * together, up to 64 in one query, when the first of them is read.
 */
@Entity
@Table(name = "partner")
@BatchSize(size = 64)
@EntityListeners(ReferenceWrites.class)
public class PartnerEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String code;
    public String type;
    @Column(name = "name_zh")
    public String nameZh;
    @Column(name = "name_en")
    public String nameEn;
    @Column(name = "delivery_channel")
    public String deliveryChannel;
    @Column(name = "webhook_url")
    public String webhookUrl;
    @Column(name = "webhook_secret")
    public String webhookSecret;
    @Column(name = "api_key_hash")
    public String apiKeyHash;
    public String phone;
    /** Contact phones besides {@link #phone} (E.164): calls and texts from them are the partner's (masked relay). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> phones = new ArrayList<>();
    public String contact;
    @Column(name = "give_up_after_s")
    public Long giveUpAfterSeconds;
    public boolean active = true;
    @Column(name = "updated_at")
    public Instant updatedAt;

    @ManyToMany
    @JoinTable(name = "partner_area", joinColumns = @JoinColumn(name = "partner_id"), inverseJoinColumns = @JoinColumn(name = "place_id"))
    public Set<PlaceEntity> areas = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "partner_service", joinColumns = @JoinColumn(name = "partner_id"))
    @Column(name = "catalog_code")
    public Set<String> services = new HashSet<>();
}
