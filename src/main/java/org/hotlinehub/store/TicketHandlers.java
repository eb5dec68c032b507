package org.hotlinehub.store;

import java.util.Comparator;
import java.util.List;

import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.PartnerType;
import org.hotlinehub.model.TicketView;

/** Who is handling a ticket now, as residents see it (status page, WeChat): the open assignments, lead first. */
public final class TicketHandlers {

    private TicketHandlers() {
    }

    public static List<TicketView.Handler> of(List<AssignmentEntity> assignments) {
        return assignments.stream()
                .filter(a -> a.state == AssignmentState.OFFERED || a.state == AssignmentState.ACCEPTED
                        || a.state == AssignmentState.IN_PROGRESS)
                .sorted(Comparator.comparing((AssignmentEntity a) -> !AssignmentEntity.ROLE_LEAD.equals(a.role))
                        .thenComparing(a -> a.id))
                .map(a -> a.partner != null
                        ? new TicketView.Handler(AssignmentEntity.ROLE_LEAD.equals(a.role), a.partner.type,
                                a.partner.nameZh, a.partner.nameEn, a.state != AssignmentState.OFFERED, a.resolveBy)
                        : new TicketView.Handler(AssignmentEntity.ROLE_LEAD.equals(a.role),
                                PartnerType.VOLUNTEER.code(), null, null, a.state != AssignmentState.OFFERED,
                                a.resolveBy))
                .toList();
    }
}
