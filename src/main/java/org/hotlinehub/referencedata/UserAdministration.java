package org.hotlinehub.referencedata;

import static org.hotlinehub.model.Strings.blankToNull;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.Caller;
import org.hotlinehub.model.HubUser;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.port.AuditTrail;
import org.hotlinehub.model.port.UserAdmin;
import org.hotlinehub.referencedata.ReferenceDataFile.UserData;
import org.hotlinehub.store.HubUserEntity;
import org.hotlinehub.store.HubUserRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

/**
 * Users through the import's own path: each change is a one-user {@code users:} document, checked by
 * {@link ReferenceDataValidator} (roles, partner, password length) and written by {@link ReferenceDataWriter}, with
 * the audit entry in the writing transaction. An administrator cannot lock themselves out.
 */
@ApplicationScoped
public class UserAdministration implements UserAdmin {

    @Inject
    HubUserRepository users;
    @Inject
    ReferenceDataLoader loader;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    @Override
    @Transactional
    public List<HubUser> list(String query, int offset, int limit) {
        String like = "%" + (query == null ? "" : query.strip().toLowerCase()) + "%";
        return users.find("lower(username) like ?1 or lower(coalesce(displayName, '')) like ?1",
                Sort.by("username"), like).range(offset, offset + limit - 1).list().stream()
                .map(UserAdministration::view).toList();
    }

    @Override
    @Transactional
    public Optional<HubUser> find(String username) {
        return users.findByUsername(username).map(UserAdministration::view);
    }

    @Override
    public List<String> create(String username, String name, String password, List<String> roles, String partner,
            String actor, String client) {
        String u = blankToNull(username);
        if (u != null && QuarkusTransaction.joiningExisting().call(() -> users.findByUsername(u).isPresent())) {
            return List.of("users[0] (" + u + "): username '" + u + "' is taken");
        }
        if (u != null && !u.matches("[A-Za-z0-9._@\\-]{2,64}")) {
            return List.of("users[0] (" + u + "): username may have 2 to 64 letters, digits, '.', '_', '@' or '-'");
        }
        if (password == null || password.isBlank()) {
            return List.of("users[0] (" + u + "): password is required (at least 8 characters)");
        }
        return write(new UserData(u, blankToNull(name), password, null, roles, blankToNull(partner)), true,
                actor, "user.create", "roles " + new TreeSet<>(roles) + partnerNote(partner), client);
    }

    @Override
    public List<String> change(String username, String name, List<String> roles, String partner, String actor,
            String client) {
        HubUser before = find(username).orElseThrow(() -> notFound(username));
        if (username.equals(actor) && !roles.contains(Caller.ADMIN)) {
            return List.of("users[0] (" + username + "): roles: you cannot take the admin role from yourself");
        }
        return write(new UserData(username, blankToNull(name), null, hash(username), roles, blankToNull(partner)),
                before.active(), actor, "user.change", "roles " + new TreeSet<>(before.roles()) + " → "
                        + new TreeSet<>(roles) + partnerNote(partner)
                        + (java.util.Objects.equals(before.name(), blankToNull(name)) ? "" : "; name changed"),
                client);
    }

    @Override
    public List<String> resetPassword(String username, String password, String actor, String client) {
        HubUser before = find(username).orElseThrow(() -> notFound(username));
        if (password == null || password.isBlank()) {
            return List.of("users[0] (" + username + "): password is required (at least 8 characters)");
        }
        return write(new UserData(username, before.name(), password, null, before.roles(),
                before.partner()), before.active(), actor, "user.reset-password", "password reset", client);
    }

    @Override
    @Transactional
    public void unlock(String username, String actor, String client) {
        HubUserEntity u = users.findByUsername(username).orElseThrow(() -> notFound(username));
        String detail = "unlocked (" + u.failedLogins + " wrong passwords"
                + (u.lockedUntil == null ? "" : ", was locked until " + u.lockedUntil) + ")";
        u.lockedUntil = null;
        u.failedLogins = 0;
        u.updatedAt = clock.instant();
        users.clearSignInPauses(username);
        audit.record(actor, "user.unlock", "user", username, detail, client);
    }

    @Override
    @Transactional
    public List<String> deactivate(String username, String actor, String client) {
        HubUserEntity u = users.findByUsername(username).orElseThrow(() -> notFound(username));
        if (username.equals(actor)) {
            return List.of("users[0] (" + username + "): you cannot deactivate yourself");
        }
        u.active = false;
        u.updatedAt = clock.instant();
        audit.record(actor, "user.deactivate", "user", username, "deactivated", client);
        return List.of();
    }

    /** Validated and written as a one-user document; the account stays active or inactive as it was. */
    private List<String> write(UserData user, boolean active, String actor, String action, String detail,
            String client) {
        try {
            loader.apply("form", new ReferenceDataFile(null, null, null, null, null, null, List.of(user)), false,
                    ReferenceDataWriter.Progress.NONE, counts -> {
                        users.findByUsername(user.username()).orElseThrow().active = active;
                        audit.record(actor, action, "user", user.username(), detail, client);
                    });
            return List.of();
        } catch (ReferenceDataException e) {
            return e.problems();
        }
    }

    private String hash(String username) {
        return QuarkusTransaction.joiningExisting()
                .call(() -> users.findByUsername(username).orElseThrow().passwordHash);
    }

    private static HubUser view(HubUserEntity u) {
        return new HubUser(u.username, u.displayName, List.copyOf(u.roles), u.partner == null ? null : u.partner.code,
                u.active, u.lockedUntil, u.failedLogins, u.lastLoginAt);
    }

    private static String partnerNote(String partner) {
        return blankToNull(partner) == null ? "" : ", partner " + partner.strip();
    }

    private static NotFoundException notFound(String username) {
        return new NotFoundException("no user " + username);
    }
}
