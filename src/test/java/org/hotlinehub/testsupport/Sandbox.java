package org.hotlinehub.testsupport;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The hub without credentials for the messaging APIs it sends through: no Twilio account SID and no WeChat app
 * secret, so what it sends is recorded as SANDBOX and never reaches the API stubs. The webhook secrets (Twilio's auth
 * token, WeChat's token) are kept: signed webhooks and pushes still get in.
 */
public class Sandbox implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("hub.twilio.account-sid", "", "hub.wechat.app-secret", "");
    }
}
