package org.hotlinehub.dispatch;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hotlinehub.store.AssignmentEntity;

/** The partners and volunteers a ticket was already offered to: the rules move on to someone else. */
public record Tried(Set<Long> partners, Set<Long> volunteers) {

    static Tried none() {
        return new Tried(Set.of(), Set.of());
    }

    static Tried of(List<AssignmentEntity> assignments) {
        Set<Long> partners = new HashSet<>();
        Set<Long> volunteers = new HashSet<>();
        for (AssignmentEntity a : assignments) {
            if (a.partner != null) {
                partners.add(a.partner.id);
            } else {
                volunteers.add(a.volunteer.id);
            }
        }
        return new Tried(partners, volunteers);
    }
}
