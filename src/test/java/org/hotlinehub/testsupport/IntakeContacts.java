package org.hotlinehub.testsupport;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.model.Channel;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.port.ReferenceNumbers;

/**
 * Web reports as the intake queue carries them, for tests that feed intake directly (over JMS or in a batch of their
 * own): each with a fresh reference, as the web form would have told its sender.
 */
@ApplicationScoped
public class IntakeContacts {

    @Inject
    ReferenceNumbers references;
    @Inject
    Sql sql;

    /**
     * A repair reported on the web form from this phone (without its +86) at the compound; its external id is
     * {@code source:phone}, so a test finds its rows.
     */
    public InboundContact repair(String source, String name, String phone, String compound, String text) {
        return new InboundContact(Channel.WEB, source + ":" + phone, references.next(), Instant.now(), "+86" + phone,
                name, text, "zh", "property-repair", compound, null, null, null, List.of());
    }

    /** The tickets of the resident with this phone (without its +86). */
    public long ticketsFor(String phone) {
        return sql.count("select count(*) from ticket t join resident r on r.id = t.resident_id where r.phone = ?",
                "+86" + phone);
    }
}
