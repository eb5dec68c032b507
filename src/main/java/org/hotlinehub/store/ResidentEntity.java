package org.hotlinehub.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "resident")
public class ResidentEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String phone;
    public String name;
    public String address;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "place_id")
    public PlaceEntity place;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> flags = new ArrayList<>();
    public String language = "zh";
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "emergency_contacts")
    public List<String> emergencyContacts = new ArrayList<>();
    @Column(name = "wechat_openid")
    public String wechatOpenid;
    /** Registered through reference data (vulnerable residents' call assurance), not only seen on a contact. */
    public boolean registered;
    /** The local time of day by which the resident checks in daily (call assurance); null: no daily check-in. */
    @Column(name = "check_in_by")
    public java.time.LocalTime checkInBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
