package org.hotlinehub.store;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotlinehub.model.Channel;
import org.hotlinehub.model.InboundContact;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class InboundContactRepository implements PanacheRepository<InboundContactEntity> {

    /**
     * Records the contact unless (channel, external id) is already there. Uses the unique key rather than a prior
     * read, so two consumers racing on redelivered copies cannot both win.
     *
     * @return the new row's id, or empty when this contact was seen before
     */
    public Optional<Long> insertIfNew(InboundContact contact) {
        @SuppressWarnings("unchecked")
        var ids = (java.util.List<Number>) getEntityManager().createNativeQuery(
                "insert into inbound_contact (channel, external_id, reference, received_at, phone, body)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6)"
                        + " on conflict (channel, external_id) do nothing returning id")
                .setParameter(1, contact.channel().name())
                .setParameter(2, contact.externalId())
                .setParameter(3, contact.reference())
                .setParameter(4, contact.receivedAt())
                .setParameter(5, contact.phone())
                .setParameter(6, contact.text())
                .getResultList();
        return ids.stream().findFirst().map(Number::longValue);
    }

    public Optional<InboundContactEntity> findByKey(Channel channel, String externalId) {
        return find("channel = ?1 and externalId = ?2", channel, externalId).firstResultOptional();
    }
}
