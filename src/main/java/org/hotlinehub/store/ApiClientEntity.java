package org.hotlinehub.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A system that calls the hub's APIs with a key (an Open311 app, an integrator); only the key's hash is kept. */
@Entity
@Table(name = "api_client")
public class ApiClientEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String code;
    public String name;
    @Column(name = "key_hash")
    public String keyHash;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> roles = new ArrayList<>();
    public boolean active = true;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
