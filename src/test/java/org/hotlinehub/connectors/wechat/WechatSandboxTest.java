package org.hotlinehub.connectors.wechat;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hotlinehub.testsupport.Sessions.operator;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotlinehub.model.Masks;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sandbox;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.TwilioApiStub;
import org.hotlinehub.testsupport.WechatApiStub;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Without an app secret the hub has no WeChat API credentials: pushes are still verified and answered (the token is
 * kept), outbound messages are recorded as SANDBOX, listed as not sent, and never reach the API.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
@QuarkusTestResource(TwilioApiStub.class)
@QuarkusTestResource(WechatApiStub.class)
@TestProfile(Sandbox.class)
class WechatSandboxTest {

    @Inject
    Sql sql;
    @Inject
    WechatReplies replies;

    @Test
    void shouldRecordWechatMessagesAsNotSentWhenThereAreNoCredentials() {
        String openid = Pushes.openid();
        String push = Pushes.text(openid, Pushes.msgId(), "微信测试苑车库漏水");
        String ref = Pushes.referenceIn(Pushes.content(Pushes.post(push)));
        // The slow path's reply goes through the outbox: recorded, not sent.
        replies.budget(Duration.ZERO);
        try {
            Pushes.post(Pushes.text(openid, Pushes.msgId(), "NEW 微信测试苑路灯不亮")).then().statusCode(200);
        } finally {
            replies.budget(Duration.ofSeconds(4));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("select count(*) from wechat_outbound where"
                + " openid = ? and status = 'SANDBOX' and purpose = 'reply'", openid) == 1);
        // the status notices of both tickets (dispatched) are recorded the same way
        await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("select count(*) from wechat_outbound where"
                + " openid = ? and status = 'SANDBOX' and purpose = 'status-dispatched'", openid) == 2);

        List<Map<String, Object>> listed = operator()
                .queryParam("status", "sandbox").get("/api/v1/outbound-messages/wechat").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.openid == '" + Masks.openid(openid)
                        + "' && it.purpose == 'reply' }");
        assertEquals(1, listed.size());
        Map<String, Object> m = listed.get(0);
        assertEquals(false, m.get("sent"));
        assertEquals("reply", m.get("purpose"));
        assertEquals("sandbox mode: no WeChat app-id/app-secret, recorded and not sent", m.get("lastError"));
        assertEquals(0, WechatApiStub.sent(WechatApiStub.CUSTOM_PATH, openid).size(), "nothing reached the API");
        assertEquals(1L, sql.count("select count(*) from ticket where reference = ?", ref));

        operator().queryParam("status", "lost")
                .get("/api/v1/outbound-messages/wechat").then().statusCode(400);
        given().get("/api/v1/outbound-messages/wechat").then().statusCode(401);
    }
}
