package org.hotlinehub.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotlinehub.model.AssignmentView;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.PartnerReply;
import org.hotlinehub.model.ReturnReason;
import org.hotlinehub.model.port.PartnerWork;

/**
 * Applies answers that partners send over their queue integration, with the same rules as the partner API: the
 * message must carry the partner's API key, and every action is idempotent, so a redelivered reply is harmless.
 */
@ApplicationScoped
public class PartnerReplies {

    @Inject
    PartnerWork work;

    /** One transaction for the lookup of the key and the move it authorizes. */
    @Transactional
    public AssignmentView apply(String apiKey, PartnerReply reply) {
        String partner = work.authenticate(apiKey)
                .orElseThrow(() -> new NotFoundException("reply without a valid partner API key (HubPartnerKey)"));
        if (reply == null || reply.assignmentId() == null || reply.action() == null) {
            throw new IllegalArgumentException("a reply needs assignmentId and action");
        }
        long id = reply.assignmentId();
        return switch (reply.action().strip().toLowerCase()) {
            case "accept" -> work.accept(partner, id);
            case "decline" -> work.decline(partner, id, reply.reason());
            case "return" -> work.giveBack(partner, id, ReturnReason.fromCode(String.valueOf(reply.reason()))
                    .orElseThrow(() -> new IllegalArgumentException("reason must be one of " + ReturnReason.codes())),
                    reply.note());
            case "progress" -> work.progress(partner, id, reply.note());
            case "resolve" -> work.resolve(partner, id, reply.note(), reply.photoUrl());
            default -> throw new IllegalArgumentException("unknown action '" + reply.action()
                    + "'; use accept, decline, return, progress or resolve");
        };
    }
}
