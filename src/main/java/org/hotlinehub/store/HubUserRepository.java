package org.hotlinehub.store;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class HubUserRepository implements PanacheRepository<HubUserEntity> {

    public Optional<HubUserEntity> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    /** The user's row locked until the transaction ends, so concurrent sign-ins count failures exactly. */
    public Optional<HubUserEntity> findByUsernameForUpdate(String username) {
        return find("username", username).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Lets every address try the user's password again (an administrator's unlock). */
    public void clearSignInPauses(String username) {
        getEntityManager().createNativeQuery("delete from sign_in_throttle where username = ?1")
                .setParameter(1, username).executeUpdate();
    }
}
