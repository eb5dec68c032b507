package org.hotlinehub.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Another reference a sender was told for the same ticket (a double submit before dedupe). */
@Entity
@Table(name = "ticket_alias")
public class TicketAliasEntity extends PanacheEntityBase {

    @Id
    public String reference;
    @Column(name = "ticket_id")
    public Long ticketId;
}
