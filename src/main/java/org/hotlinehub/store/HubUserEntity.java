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

/** An operator, supervisor or administrator; the password only as a bcrypt hash. */
@Entity
@Table(name = "hub_user")
public class HubUserEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String username;
    @Column(name = "display_name")
    public String displayName;
    @Column(name = "password_hash")
    public String passwordHash;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> roles = new ArrayList<>();
    public boolean active = true;
    /** Set for a partner's portal user. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "partner_id")
    public PartnerEntity partner;
    /** Wrong passwords since the last success or lockout. */
    @Column(name = "failed_logins")
    public int failedLogins;
    @Column(name = "locked_until")
    public Instant lockedUntil;
    @Column(name = "last_login_at")
    public Instant lastLoginAt;
    /** Raised on logout, password and role change; sessions issued under an older version are refused. */
    @Column(name = "session_version")
    public int sessionVersion;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
