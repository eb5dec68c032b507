package org.hotlinehub.model.port;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.hotlinehub.model.TicketDetail;
import org.hotlinehub.model.TicketExportRow;
import org.hotlinehub.model.TicketFilter;
import org.hotlinehub.model.TicketListItem;

/** The operators' view of tickets: a filtered list, newest first, and one ticket in full. */
public interface TicketSearch {

    /**
     * Keyset paging: the tickets after {@code beforeId} (all when null), newest first: by id, or, when the filter has
     * a period, by filing time and then id. Tickets filed while a client pages get higher ids and later filing times
     * and land before its page one, so they never shift its later pages: no ticket is shown twice and none that
     * existed is skipped.
     */
    List<TicketListItem> list(TicketFilter filter, Long beforeId, int limit);

    Optional<TicketDetail> detail(String reference);

    /**
     * Every ticket the filter matches, oldest first, streamed from a database cursor into {@code sink} (exports of
     * any size in constant memory).
     */
    void export(TicketFilter filter, Consumer<TicketExportRow> sink);
}
