package org.hotlinehub.connectors.wechat;

import java.time.Instant;
import java.util.Optional;

/**
 * The Official Account's followers as the hub knows them, WeChat's own state ({@code wechat_follower}): subscription,
 * the last interaction (which opens the 48-hour window for customer-service messages), and the phone being bound by a
 * one-time code sent by SMS. Linking the confirmed phone to a resident profile is the core's
 * ({@link org.hotlinehub.model.port.ResidentProfiles#linkWechat}).
 */
interface WechatFollowers {

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
     * @param bindPhone the phone being bound, with {@code bindCodeHash} and {@code bindExpiresAt}; null when none
     * @param linkedPhone the phone of the linked resident profile, null when not linked
     */
    record Follower(String openid, boolean subscribed, String language, Instant lastInteractionAt, String bindPhone,
            String bindCodeHash, Instant bindExpiresAt, int bindAttempts, String linkedPhone) {
    }
}
