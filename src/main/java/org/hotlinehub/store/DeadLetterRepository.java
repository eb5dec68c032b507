package org.hotlinehub.store;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class DeadLetterRepository implements PanacheRepository<DeadLetterEntity> {

    public Optional<DeadLetterEntity> findByMessageId(String messageId) {
        return find("messageId", messageId).firstResultOptional();
    }

    public List<DeadLetterEntity> page(boolean includeReplayed, int offset, int limit) {
        var query = includeReplayed ? find("order by id desc") : find("replayed = false order by id desc");
        return query.range(offset, offset + limit - 1).list();
    }
}
