package org.hotlinehub.model.port;

import java.util.List;
import java.util.Optional;

import org.hotlinehub.model.TicketView;

/** A resident's own tickets as the resident may see them: the public timeline and who handles the ticket. */
public interface TicketLookup {

    /** The ticket, if the reference (or an alias of it) exists and the phone is the one it was filed with. */
    Optional<TicketView> findForResident(String reference, String phone);

    /** The ticket, if the reference (or an alias) exists and belongs to the resident profile this openid follows as. */
    Optional<TicketView> findForFollower(String reference, String openid);

    /** The tickets of the resident profile with this openid that are not closed, cancelled or merged, newest first. */
    List<TicketView> openForFollower(String openid, int limit);
}
