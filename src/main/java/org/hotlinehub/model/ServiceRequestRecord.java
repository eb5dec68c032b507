package org.hotlinehub.model;

import java.time.Instant;

/**
 * A ticket as the public Open311 request list shows it. Personal data stays out: the description and the address
 * as typed only for requests filed through Open311 (their senders filed them on a public interface), otherwise the
 * place name. Without a client's api_key only requests filed through Open311 are shown
 * ({@code filedThroughOpen311}).
 */
public record ServiceRequestRecord(
        String reference,
        boolean open,
        String statusNotes,
        String serviceCode,
        String serviceName,
        String description,
        String agencyResponsible,
        Instant requestedAt,
        Instant updatedAt,
        Instant expectedAt,
        String address,
        String addressId,
        Double lat,
        Double lon,
        String mediaUrl,
        boolean filedThroughOpen311) {
}
