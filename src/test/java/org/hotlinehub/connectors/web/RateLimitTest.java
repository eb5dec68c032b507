package org.hotlinehub.connectors.web;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.hotlinehub.testsupport.Addresses;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.TwilioApiStub;
import org.hotlinehub.testsupport.WechatApiStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Floods (S5): /status, the REST API, Open311 and the partner API are limited per client address and per credential,
 * guessed keys are slowed down, and verified webhooks are never limited. Each test comes from addresses of its own
 * (127.0.0.x) and installs small limits.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
@QuarkusTestResource(TwilioApiStub.class)
@QuarkusTestResource(WechatApiStub.class)
class RateLimitTest {

    private final AtomicLong now = new AtomicLong(1_000_000);

    @BeforeEach
    void smallLimits() {
        QuarkusMock.installMockForType(new RateLimiter(Map.of(RateLimiter.Bucket.STATUS, 3, RateLimiter.Bucket.API,
                3, RateLimiter.Bucket.OPEN311, 3, RateLimiter.Bucket.PARTNER_API, 1000, RateLimiter.Bucket.FAILED_AUTH,
                5), now::get), RateLimiter.class);
    }

    @Test
    void shouldAnswer429WithRetryAfterWhenOneAddressLooksUpStatusTooOften() {
        for (int i = 0; i < 3; i++) {
            Addresses.from("127.0.0.11").get("/status?reference=10000000" + i + "&phone=13900000002").then()
                    .statusCode(404);
        }
        now.addAndGet(20_000);
        Addresses.from("127.0.0.11").get("/status?reference=100000009&phone=13900000002").then().statusCode(429)
                .header("Retry-After", "40").body(startsWith("请求太频繁，请 40 秒后再试。 Too many requests"));
        // another address is not affected, and the window ends
        Addresses.from("127.0.0.12").get("/status").then().statusCode(200);
        now.addAndGet(40_000);
        Addresses.from("127.0.0.11").get("/status").then().statusCode(200);
    }

    @Test
    void shouldLimitTheRestApiPerAddressAndPerKey() {
        for (int i = 0; i < 3; i++) {
            Addresses.from("127.0.0.13").auth().preemptive().basic("operator", "demo-operator-pass")
                    .get("/api/v1/tickets?limit=1").then().statusCode(200);
        }
        Addresses.from("127.0.0.13").auth().preemptive().basic("operator", "demo-operator-pass")
                .contentType("application/json")
                .body("{}").post("/api/v1/tickets").then().statusCode(429).header("Retry-After", "60")
                .body("error.code", equalTo("too_many_requests"));
        // the same credential from elsewhere has had its share too; another one from elsewhere has not
        Addresses.from("127.0.0.14").auth().preemptive().basic("operator", "demo-operator-pass")
                .get("/api/v1/tickets?limit=1").then().statusCode(429);
        Addresses.from("127.0.0.15").auth().preemptive().basic("supervisor", "demo-supervisor-pass")
                .get("/api/v1/tickets?limit=1").then().statusCode(200);
    }

    @Test
    void shouldLimitOpen311ReadsAndPostsPerAddressInTheSpecsErrorFormat() {
        for (int i = 0; i < 3; i++) {
            Addresses.from("127.0.0.16").get("/open311/v2/services.json").then().statusCode(200);
        }
        Addresses.from("127.0.0.16").contentType("application/x-www-form-urlencoded").formParam("api_key", "k")
                .post("/open311/v2/requests.json").then().statusCode(429).body("[0].code", equalTo(429));
        Addresses.from("127.0.0.16").get("/open311/v2/requests.xml").then().statusCode(429)
                .body("errors.error.code", equalTo("429"));
    }

    @Test
    void shouldSlowDownGuessedPartnerKeys() {
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            answers.add(Addresses.from("127.0.0.17").header("Authorization", "Bearer guessed-key-" + i)
                    .get("/partner-api/v1/assignments").statusCode());
        }
        assertEquals(List.of(401, 401, 401, 401, 401), answers.subList(0, 5));
        assertEquals(295, answers.subList(5, 300).stream().filter(s -> s == 429).count(), answers::toString);
        // even the right key waits from that address until the minute is over; partners elsewhere carry on
        Addresses.from("127.0.0.17").header("Authorization", "Bearer test-key-PF-FLAKY")
                .get("/partner-api/v1/assignments").then().statusCode(429);
        Addresses.from("127.0.0.18").header("Authorization", "Bearer test-key-PF-FLAKY")
                .get("/partner-api/v1/assignments").then().statusCode(200);
    }

    @Test
    void shouldNeverLimitVerifiedWebhooks() {
        for (int i = 0; i < 50; i++) {
            Addresses.from("127.0.0.16").header("Authorization", "Bearer guessed-key-" + i)
                    .get("/partner-api/v1/assignments");
        }
        String ts = String.valueOf(WechatApiStub.timestamp());
        for (int i = 0; i < 50; i++) {
            Addresses.from("127.0.0.16")
                    .queryParam("signature", wechatSignature(ts, "n" + i))
                    .queryParam("timestamp", ts).queryParam("nonce", "n" + i).queryParam("echostr", "e" + i)
                    .get("/wechat").then().statusCode(200).body(equalTo("e" + i));
        }
    }

    /**
     * WeChat's URL signature: SHA-1 of token, timestamp and nonce, sorted and joined (docs/contract.md, "WeChat
     * signatures").
     */
    private static String wechatSignature(String timestamp, String nonce) {
        try {
            String joined = String.join("", new java.util.TreeSet<>(List.of(WechatApiStub.TOKEN, timestamp, nonce)));
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                    .digest(joined.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
