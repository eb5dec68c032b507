package org.hotlinehub.model;

import java.util.List;

/**
 * A resident as the operator sees them on a call: the profile (phone and emergency contacts masked; the hub calls
 * back), the registered flags, and the latest tickets.
 */
public record ResidentProfile(
        String phone,
        String name,
        String address,
        String placeCode,
        String placeName,
        List<String> flags,
        String language,
        List<String> emergencyContacts,
        boolean registered,
        boolean wechatLinked,
        List<TicketListItem> tickets) {

    public ResidentProfile {
        flags = flags == null ? List.of() : List.copyOf(flags);
        emergencyContacts = emergencyContacts == null ? List.of() : List.copyOf(emergencyContacts);
        tickets = tickets == null ? List.of() : List.copyOf(tickets);
    }

    public boolean vulnerable() {
        return ResidentFlags.vulnerable(flags);
    }
}
