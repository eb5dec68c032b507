package org.hotlinehub.model.port;

/** The resident profiles a channel's identities belong to. */
public interface ResidentProfiles {

    /**
     * Links a WeChat openid and a confirmed phone in one resident profile: the phone's profile takes the openid (and
     * the tickets, contacts and incident reports of a WeChat-only profile of the same person), or the openid's profile
     * takes the phone when the phone had none.
     *
     * @return the resident profile's id
     */
    long linkWechat(String openid, String phone);
}
