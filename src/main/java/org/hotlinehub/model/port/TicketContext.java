package org.hotlinehub.model.port;

import java.util.List;
import java.util.Optional;

import org.hotlinehub.model.MergeCandidate;
import org.hotlinehub.model.MessageItem;
import org.hotlinehub.model.PartnerOption;
import org.hotlinehub.model.ResidentProfile;
import org.hotlinehub.model.TicketLinks;

/** What the operator sees around a ticket or a call: the resident's profile and history, messages, merges. */
public interface TicketContext {

    /** The profile of the resident with this phone number (any common way of writing it). */
    Optional<ResidentProfile> residentByPhone(String phone);

    /** The profile of the ticket's resident. */
    Optional<ResidentProfile> residentOf(String reference);

    /** Every message sent about the ticket on every channel, oldest first. */
    List<MessageItem> messages(String reference);

    TicketLinks links(String reference);

    /**
     * Open tickets this one may duplicate, best first: incident detection's suggestion, then open tickets of the same
     * resident, then open tickets of the same category at the same place from the last 30 days; at most {@code limit}.
     */
    List<MergeCandidate> mergeCandidates(String reference, int limit);

    /** Active partners, by code, for dispatch overrides. */
    List<PartnerOption> partners();
}
