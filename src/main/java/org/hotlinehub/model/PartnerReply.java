package org.hotlinehub.model;

/**
 * A partner's answer sent on the broker ({@code hub.partner.replies}) instead of the partner API: {@code action} is
 * accept, decline, return, progress or resolve; {@code reason} carries the decline reason or the return reason code.
 */
public record PartnerReply(Long assignmentId, String action, String reason, String note, String photoUrl) {
}
