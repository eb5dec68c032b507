package org.hotlinehub.model.port;

import org.hotlinehub.model.InboundContact;

/** The durable intake queue. {@link #submit} returns only once the broker has stored the contact. */
public interface IntakeQueue {

    /** @throws org.hotlinehub.model.IntakeUnavailableException when the broker cannot take it now */
    void submit(InboundContact contact);
}
