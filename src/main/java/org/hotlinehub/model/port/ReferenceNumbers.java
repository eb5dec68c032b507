package org.hotlinehub.model.port;

import org.hotlinehub.model.Channel;

/** Hands out ticket references that no other ticket has or will have. */
public interface ReferenceNumbers {

    /** A fresh reference, e.g. to reserve in a form before it is posted. */
    String next();

    /**
     * The reference for this contact: {@code candidate} the first time (channel, external id) is seen, the same
     * reference as then for every retry.
     *
     * @throws org.hotlinehub.model.IntakeUnavailableException when the database cannot be reached
     */
    String reserve(Channel channel, String externalId, String candidate);
}
