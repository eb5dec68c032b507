package org.hotlinehub.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.TicketEvent;
import org.hotlinehub.model.port.StatusNotices;
import org.hotlinehub.store.StatusNoticeQueries;
import org.hotlinehub.store.StatusNoticeQueries.NoticeTicket;

/**
 * Residents who follow the Official Account hear of their ticket being dispatched, accepted, worked on and reopened;
 * a resolution is announced by the survey question itself, and a creation by the channel's own answer.
 */
@ApplicationScoped
public class StatusNoticeService implements StatusNotices {

    static final Set<TicketEvent.Kind> WECHAT_KINDS = Set.of(TicketEvent.Kind.DISPATCHED, TicketEvent.Kind.ACCEPTED,
            TicketEvent.Kind.IN_PROGRESS, TicketEvent.Kind.REOPENED);

    @Inject
    StatusNoticeQueries queries;

    @Override
    public Set<TicketEvent.Kind> wechatKinds() {
        return WECHAT_KINDS;
    }

    @Override
    @Transactional
    public List<StatusNotice> forWechat(List<TicketEvent> events) {
        List<TicketEvent> told = events.stream().filter(e -> WECHAT_KINDS.contains(e.kind())).toList();
        Map<Long, NoticeTicket> tickets = queries.tickets(told.stream().map(TicketEvent::ticketId).distinct()
                .toList());
        List<StatusNotice> notices = new ArrayList<>(told.size());
        for (TicketEvent e : told) {
            NoticeTicket t = tickets.get(e.ticketId());
            if (t != null && t.openid() != null && t.subscribed()) {
                notices.add(new StatusNotice(e, t.reference(), t.status(), t.categoryZh(), t.categoryEn(),
                        t.language(), t.openid()));
            }
        }
        return notices;
    }
}
