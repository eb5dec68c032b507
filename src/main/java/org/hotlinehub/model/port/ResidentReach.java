package org.hotlinehub.model.port;

import org.hotlinehub.model.Staff;

/**
 * Reaching a ticket's resident or one of their emergency contacts without showing anyone the number: the hub calls
 * the operator's own phone ({@code hub.voice.operators.<user>}) and connects the call to the person with the hotline
 * as caller id. Revealing a number is the exception: it needs a role allowed to ({@code hub.console.show-number-roles},
 * checked by the caller), a reason, and it is written to the audit log. Masked remains the default everywhere.
 * <p>
 * {@code target} is {@code resident} or {@code contact-N}, the N-th emergency contact (from 1).
 */
public interface ResidentReach {

    String RESIDENT = "resident";
    String CONTACT = "contact-";

    /**
     * Calls the operator's phone; when they answer, the hub dials the target. Written to the ticket's timeline and the
     * audit log.
     *
     * @return what was done, for the operator (the operator's phone masked)
     * @throws IllegalArgumentException for an unknown target or when the operator has no phone configured
     * @throws org.hotlinehub.model.NotFoundException when there is no such ticket or it has no such number
     */
    String call(String reference, String target, Staff staff);

    /**
     * The target's full number, written to the audit log with the reason.
     *
     * @throws IllegalArgumentException when {@code reason} is blank or the target unknown
     * @throws org.hotlinehub.model.NotFoundException when there is no such ticket or it has no such number
     */
    String reveal(String reference, String target, String reason, Staff staff);

    /**
     * The number the hub dials for a call an operator asked for (the voice line's bridge), never shown.
     *
     * @throws org.hotlinehub.model.NotFoundException when there is no such ticket or it has no such number
     */
    String dialNumber(String reference, String target);
}
