package org.hotlinehub.model.port;

import java.time.Instant;
import java.util.Optional;

/**
 * The Official Account's followers as the hub knows them: subscription, the last interaction (which opens the 48-hour
 * window for customer-service messages), and the link between an openid and a resident's phone, confirmed by a
 * one-time code sent by SMS.
 */
public interface WechatFollowers {

    /** Any push from the follower: opens the 48-hour window. */
    void interacted(String openid, Instant at, String language);

    void subscribed(String openid, Instant at);

    void unsubscribed(String openid, Instant at);

    Optional<Follower> find(String openid);

    /** The openid linked to this resident profile, if they follow the account. */
    Optional<String> openidOf(long residentId);

    /** Starts binding a phone: remembers it with the code's hash until {@code expiresAt}, replacing any earlier one. */
    void startBinding(String openid, String phone, String codeHash, Instant expiresAt);

    /** One wrong code; @return the wrong tries so far (the binding is dropped by the caller after too many) */
    int wrongCode(String openid);

    void dropBinding(String openid);

    /**
     * Links the openid and the phone in one resident profile: the phone's profile takes the openid (and the tickets
     * of a WeChat-only profile of the same person), or the openid's profile takes the phone when the phone had none.
     *
     * @return the resident profile's id
     */
    long link(String openid, String phone);

    /**
     * @param bindPhone the phone being bound, with {@code bindCodeHash} and {@code bindExpiresAt}; null when none
     * @param linkedPhone the phone of the linked resident profile, null when not linked
     */
    record Follower(String openid, boolean subscribed, String language, Instant lastInteractionAt, String bindPhone,
            String bindCodeHash, Instant bindExpiresAt, int bindAttempts, String linkedPhone) {
    }
}
