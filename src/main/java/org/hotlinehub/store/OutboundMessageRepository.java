package org.hotlinehub.store;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class OutboundMessageRepository implements PanacheRepository<OutboundMessageEntity> {
}
