package org.hotlinehub.model;

import java.util.Objects;

/**
 * Who answers an assignment on a partner's behalf, and through which channel: the partner itself through its API key
 * or queue ({@code user} null), or one of its signed-in portal users. The timeline records both.
 */
public record PartnerActor(String partnerCode, String user, Channel channel) {

    public PartnerActor {
        Objects.requireNonNull(partnerCode, "partnerCode");
        Objects.requireNonNull(channel, "channel");
    }

    /** The partner through the partner API (or its queue), with its key. */
    public static PartnerActor api(String partnerCode) {
        return new PartnerActor(partnerCode, null, Channel.API);
    }

    /** A signed-in user of the partner portal. */
    public static PartnerActor portal(String partnerCode, String user) {
        return new PartnerActor(partnerCode, Objects.requireNonNull(user, "user"), Channel.PORTAL);
    }

    /** A person signed in for the partner (may act only on the partner's own assignments, never a volunteer's). */
    public boolean isUser() {
        return user != null;
    }

    /** The timeline's actor: {@code partner:PF-HAIYUN}, or {@code partner:PF-HAIYUN/huiquan} for a portal user. */
    public String timelineActor() {
        return "partner:" + partnerCode + (user == null ? "" : "/" + user);
    }

    /** For the timeline's detail: {@code PF-HAIYUN} or {@code PF-HAIYUN (huiquan, portal)}. */
    public String describe() {
        return partnerCode + (user == null ? "" : " (" + user + ", " + channel.name().toLowerCase() + ")");
    }
}
