package org.hotlinehub.model.port;

import java.util.Optional;

import org.hotlinehub.model.TicketView;

public interface TicketLookup {

    /** The ticket, if the reference (or an alias of it) exists and the phone is the one it was filed with. */
    Optional<TicketView> findForResident(String reference, String phone);
}
