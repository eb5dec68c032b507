package org.hotlinehub.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * WireMock standing in for the Twilio REST API (hub.twilio.api-base-url points here), with the test account's
 * credentials. Sending a message answers 201 with a fresh SM sid, like Twilio.
 */
public class TwilioApiStub implements QuarkusTestResourceLifecycleManager {

    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "test-auth-token-0123456789";
    public static final String FROM = "+15005550006";
    public static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    public static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        stubSending();
        return Map.of(
                "hub.twilio.account-sid", ACCOUNT_SID,
                "hub.twilio.auth-token", AUTH_TOKEN,
                "hub.twilio.from-number", FROM,
                "hub.twilio.api-base-url", "http://localhost:" + server.port());
    }

    /** Every send succeeds, as Twilio answers: 201 with the new message, status queued. */
    public static void stubSending() {
        server.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).atPriority(10).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withTransformers("response-template")
                .withBody("{\"sid\": \"SM{{randomValue length=32 type='HEXADECIMAL' lowercase=true}}\","
                        + " \"account_sid\": \"" + ACCOUNT_SID + "\", \"status\": \"queued\","
                        + " \"num_segments\": \"1\", \"direction\": \"outbound-api\", \"api_version\": \"2010-04-01\"}")));
    }

    /** The form fields of every message sent to this phone, oldest first. */
    public static List<Map<String, String>> sentTo(String phone) {
        return requests().stream().map(TwilioApiStub::form).filter(f -> phone.equals(f.get("To"))).toList();
    }

    /** The form field naming this phone as the recipient, as it stands in the body of a request the hub sends. */
    public static String toField(String phone) {
        return "To=" + URLEncoder.encode(phone, StandardCharsets.UTF_8);
    }

    public static List<LoggedRequest> requests() {
        return server.findAll(postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
    }

    public static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    @Override
    public void stop() {
        server.stop();
    }
}
