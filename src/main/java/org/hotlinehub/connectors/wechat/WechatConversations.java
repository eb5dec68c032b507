package org.hotlinehub.connectors.wechat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hotlinehub.model.Attachment;
import org.hotlinehub.model.Conversation;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.TicketView;

/**
 * What the WeChat edge needs to answer a push within WeChat's 5 seconds: how an earlier delivery of the same push was
 * taken (retries get the same answer), the follower's conversation and tickets, and the location or image drafts
 * waiting for a request. Decisions that carry a contact keep it until it is on the intake queue, so a contact whose
 * queueing failed after WeChat was answered is queued later ({@link #unsubmitted}). The channel's own state
 * ({@code wechat_inbound}, {@code wechat_draft}); the follower's tickets come from the core's ports.
 */
interface WechatConversations {

    Optional<Decision> decided(String dedupeKey);

    /** Records the decision unless one exists for the key; returns the one that counts (the first). */
    Decision decide(Decision decision);

    /** The decision's contact reached the intake queue; @return whether its reply must go out asynchronously */
    boolean markSubmitted(String dedupeKey);

    /** WeChat was answered {@code success}; @return whether the contact is already on the intake queue */
    boolean markAsync(String dedupeKey);

    /** Decisions older than {@code before} whose contact never reached the intake queue, oldest first. */
    List<Decision> unsubmitted(Instant before, int limit);

    /** As the SMS conversation: the follower's latest ticket still in conversation ({@link Conversation}). */
    Optional<Conversation> conversation(String openid);

    /** The ticket, if the reference (or an alias) exists and belongs to this follower's resident profile. */
    Optional<TicketView> ticketFor(String reference, String openid);

    /** The follower's tickets that are not closed, newest first. */
    List<TicketView> openTickets(String openid, int limit);

    /** Keeps a location or image sent before any request; nothing when this key was kept before. */
    void keepDraft(String openid, String dedupeKey, Draft draft);

    /**
     * The follower's unused drafts of the last hour, now marked as used by {@code usedBy}; drafts used by that key
     * before are returned again (a retry builds the same contact).
     */
    List<Draft> takeDrafts(String openid, String usedBy);

    /**
     * @param kind what the push was taken as: a {@link org.hotlinehub.model.ContactIntent} name when {@code contact}
     *        is set, else STATUS, WELCOME, MENU, BIND, … (no contact to queue)
     * @param asyncReply WeChat was answered {@code success}: a retry is answered the same
     */
    record Decision(String dedupeKey, String openid, String kind, String reference, String reply,
            InboundContact contact, boolean asyncReply) {
    }

    /** A location ({@code lat}, {@code lon}, {@code label}) or a picture ({@code attachment}). */
    record Draft(Double lat, Double lon, String label, Attachment attachment) {
    }
}
