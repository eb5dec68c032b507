package org.hotlinehub.store;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class TicketRepository implements PanacheRepository<TicketEntity> {

    public Optional<TicketEntity> findByReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }

    /** By its own reference or by an alias a double submit was told. */
    public Optional<TicketEntity> findByReferenceOrAlias(String reference) {
        return findByReference(reference).or(() -> TicketAliasEntity.<TicketAliasEntity>findByIdOptional(reference)
                .flatMap(alias -> findByIdOptional(alias.ticketId)));
    }

    public void addAlias(String reference, long ticketId) {
        if (TicketAliasEntity.findById(reference) == null && findByReference(reference).isEmpty()) {
            TicketAliasEntity alias = new TicketAliasEntity();
            alias.reference = reference;
            alias.ticketId = ticketId;
            alias.persist();
        }
    }
}
