package org.hotlinehub.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * WireMock standing in for the WeChat API (hub.wechat.api-base-url points here), with the test account of
 * the published test vectors (docs/contract.md, "WeChat message encryption"). The token endpoint hands out a numbered
 * token; sends answer errcode 0.
 */
public class WechatApiStub implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "pamtest";

    /**
     * The time a test push is signed with, in epoch seconds: the hub's clock, which other tests of the run may have
     * moved forward (the hub checks a push's timestamp against it).
     */
    public static long timestamp() {
        return Arc.container().instance(Clock.class).get().instant().getEpochSecond();
    }
    public static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public static final String APP_ID = "wxb11529c136998cb6";
    public static final String APP_SECRET = "test-wechat-secret";
    public static final String ACCOUNT = "gh_test_account";
    public static final String TEMPLATE_ID = "TPL-STATUS-TEST";
    public static final String TOKEN_PATH = "/cgi-bin/token";
    public static final String CUSTOM_PATH = "/cgi-bin/message/custom/send";
    public static final String TEMPLATE_PATH = "/cgi-bin/message/template/send";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        stubDefaults();
        return Map.of(
                "hub.wechat.token", TOKEN,
                "hub.wechat.aes-key", AES_KEY,
                "hub.wechat.app-id", APP_ID,
                "hub.wechat.app-secret", APP_SECRET,
                "hub.wechat.template-id", TEMPLATE_ID,
                "hub.wechat.api-base-url", "http://localhost:" + server.port() + "/");
    }

    /** Tokens "stub-token-1", "-2" … (one per fetch); every send succeeds. */
    public static void stubDefaults() {
        server.stubFor(get(urlPathEqualTo(TOKEN_PATH)).atPriority(10).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withTransformers("response-template")
                .withBody("{\"access_token\":\"stub-token-{{randomValue length=12 type='ALPHANUMERIC'}}\","
                        + "\"expires_in\":7200}")));
        server.stubFor(post(urlPathEqualTo(CUSTOM_PATH)).atPriority(10).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        server.stubFor(post(urlPathEqualTo(TEMPLATE_PATH)).atPriority(10).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":200228332}")));
    }

    /** The JSON bodies posted to this API path for this openid, oldest first. */
    public static List<JsonNode> sent(String path, String openid) {
        return server.findAll(postRequestedFor(urlPathEqualTo(path))).stream().map(r -> {
            try {
                return JSON.readTree(r.getBodyAsString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(n -> openid.equals(n.path("touser").asText())).toList();
    }

    @Override
    public void stop() {
        server.stop();
    }
}
