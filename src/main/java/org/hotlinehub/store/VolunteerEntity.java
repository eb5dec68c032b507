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

import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * References to rows of this table that a session holds uninitialized (a dispatch chunk's chosen parties) are loaded
 * together, up to 64 in one query, when the first of them is read.
 */
@Entity
@Table(name = "volunteer")
@BatchSize(size = 64)
public class VolunteerEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String code;
    public String name;
    public String phone;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "grid_id")
    public PlaceEntity grid;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> skills = new ArrayList<>();
    /** Weekly on-duty lines such as "mon-fri 08:00-12:00"; empty means always. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "on_duty")
    public List<String> onDuty = new ArrayList<>();
    /** When the volunteer was last offered a ticket: offers go to whoever waited longest among equals. */
    @Column(name = "last_offered_at")
    public Instant lastOfferedAt;
    public boolean active = true;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
