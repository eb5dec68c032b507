package org.hotlinehub.connectors.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.hotlinehub.testsupport.Sessions.operator;
import static org.hotlinehub.testsupport.Sessions.partner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotlinehub.model.port.WechatOutbox;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.TwilioApiStub;
import org.hotlinehub.testsupport.WechatApiStub;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Outbound WeChat against a fake WeChat API: the exact JSON of customer-service and template messages, the access
 * token fetched once and refreshed on 40001, the template fallback outside the 48-hour window, status notices and
 * the call-back survey on WeChat, and the slow path (success now, the reply by customer-service message).
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
@QuarkusTestResource(TwilioApiStub.class)
@QuarkusTestResource(WechatApiStub.class)
class WechatOutboundTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Sql sql;
    @Inject
    WechatOutbox outbox;
    @Inject
    WechatApi api;
    @Inject
    WechatReplies replies;

    private JsonNode awaitSent(String path, String openid, String containing) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> WechatApiStub.sent(path, openid).stream()
                .filter(n -> n.toString().contains(containing)).findFirst().orElse(null), n -> n != null);
    }

    private String follow() {
        String openid = Pushes.openid();
        Pushes.post(Pushes.event(openid, "subscribe", null)).then().statusCode(200);
        return openid;
    }

    private int tokenFetches() {
        return WechatApiStub.server.findAll(getRequestedFor(urlPathEqualTo(WechatApiStub.TOKEN_PATH))).size();
    }

    private String status(long id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !"PENDING".equals(sql.one(
                "select status from wechat_outbound where id = ?", id)));
        return (String) sql.one("select status from wechat_outbound where id = ?", id);
    }

    @Test
    void shouldSendACustomerServiceMessageAsWechatDocumentsIt() throws Exception {
        String openid = follow();
        long id = outbox.enqueue("test-cs-" + openid, openid, "您好 hello", null, "test", null);
        JsonNode sent = awaitSent(WechatApiStub.CUSTOM_PATH, openid, "hello");
        assertEquals(JSON.readTree("{\"touser\":\"" + openid + "\",\"msgtype\":\"text\",\"text\":{\"content\":"
                + "\"您好 hello\"}}"), sent);
        assertEquals("SENT", status(id));
        LoggedRequest wire = WechatApiStub.server.findAll(postRequestedFor(urlPathEqualTo(WechatApiStub.CUSTOM_PATH))
                .withRequestBody(matchingJsonPath("$.touser", com.github.tomakehurst.wiremock.client.WireMock
                        .equalTo(openid))))
                .get(0);
        assertTrue(wire.queryParameter("access_token").firstValue().startsWith("stub-token-"));

        List<Map<String, Object>> listed = operator()
                .queryParam("status", "sent").get("/api/v1/outbound-messages/wechat").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.purpose == 'test' && it.body == '您好 hello' }");
        assertEquals(1, listed.size());
        assertEquals(openid.substring(0, 3) + "***" + openid.substring(openid.length() - 3),
                listed.get(0).get("openid"), "openids are masked in the outbound log");
        assertEquals("CUSTOMER_SERVICE", listed.get(0).get("kind"));
    }

    @Test
    void shouldFetchTheTokenOnceForManySendsAndRefreshItOnceOn40001() {
        sql.update("delete from wechat_access_token");
        api.forgetToken();
        int before = tokenFetches();
        String openid = follow();
        for (int i = 0; i < 5; i++) {
            outbox.enqueue("test-many-" + openid + "-" + i, openid, "message " + i, null, "test", null);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> WechatApiStub.sent(WechatApiStub.CUSTOM_PATH, openid)
                .size() == 5);
        assertEquals(1, tokenFetches() - before, "one token for all five");
        assertEquals(1L, sql.count("select refresh_count from wechat_access_token where app_id = ?",
                WechatApiStub.APP_ID));

        String refused = follow();
        WechatApiStub.server.stubFor(post(urlPathEqualTo(WechatApiStub.CUSTOM_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.touser", com.github.tomakehurst.wiremock.client.WireMock
                        .equalTo(refused)))
                .inScenario("token-" + refused).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("refreshed")
                .willReturn(aResponse().withBody("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}")));
        long id = outbox.enqueue("test-refresh-" + refused, refused, "after refresh", null, "test", null);
        assertEquals("SENT", status(id));
        List<LoggedRequest> calls = WechatApiStub.server.findAll(postRequestedFor(urlPathEqualTo(
                WechatApiStub.CUSTOM_PATH)).withRequestBody(matchingJsonPath("$.touser",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(refused))));
        assertEquals(2, calls.size(), "refused once, sent again with the new token");
        assertNotEquals(calls.get(0).queryParameter("access_token").firstValue(),
                calls.get(1).queryParameter("access_token").firstValue());
        assertEquals(2, tokenFetches() - before);
        assertEquals(2L, sql.count("select refresh_count from wechat_access_token where app_id = ?",
                WechatApiStub.APP_ID));
    }

    @Test
    void shouldSendAStatusAsATemplateWhenWechatSaysTheWindowIsClosed() throws Exception {
        String openid = follow();
        WechatApiStub.server.stubFor(post(urlPathEqualTo(WechatApiStub.CUSTOM_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.touser", com.github.tomakehurst.wiremock.client.WireMock
                        .equalTo(openid)))
                .willReturn(aResponse().withBody("{\"errcode\":45015,\"errmsg\":\"response out of time limit or"
                        + " subscription is canceled\"}")));
        Map<String, String> data = new LinkedHashMap<>();
        data.put("keyword1", "100000017");
        data.put("keyword2", "承办单位已签收");
        data.put("keyword3", "2026-11-21 10:00");
        long id = outbox.enqueue("test-tpl-" + openid, openid, "工单100000017当前状态：承办单位已签收。", data, "test",
                "100000017");
        JsonNode sent = awaitSent(WechatApiStub.TEMPLATE_PATH, openid, "100000017");
        assertEquals(JSON.readTree("{\"touser\":\"" + openid + "\",\"template_id\":\"TPL-STATUS-TEST\","
                + "\"url\":\"http://hub.test/status?reference=100000017\",\"client_msg_id\":\"hub-" + id + "\","
                + "\"data\":{\"keyword1\":{\"value\":\"100000017\"},\"keyword2\":{\"value\":\"承办单位已签收\"},"
                + "\"keyword3\":{\"value\":\"2026-11-21 10:00\"}}}"), sent);
        assertEquals("SENT", status(id));
        assertEquals("TEMPLATE", sql.one("select kind from wechat_outbound where id = ?", id));
        assertEquals("200228332", sql.one("select wechat_msgid from wechat_outbound where id = ?", id));

        // Known to be outside the window (last interaction 3 days ago): straight to the template, and a plain
        // message that has no template fails as undeliverable.
        String quiet = follow();
        sql.update("update wechat_follower set last_interaction_at = now() - interval '3 days' where openid = ?",
                quiet);
        long plain = outbox.enqueue("test-quiet-" + quiet, quiet, "no template", null, "test", null);
        assertEquals("FAILED", status(plain));
        assertEquals("45015", sql.one("select error_code from wechat_outbound where id = ?", plain));
        long notice = outbox.enqueue("test-quiet-tpl-" + quiet, quiet, "工单100000025当前状态：办理中。",
                Map.of("keyword1", "100000025"), "test", "100000025");
        assertEquals("SENT", status(notice));
        assertEquals(0, WechatApiStub.sent(WechatApiStub.CUSTOM_PATH, quiet).size());
        assertEquals(1, WechatApiStub.sent(WechatApiStub.TEMPLATE_PATH, quiet).size());
    }

    @Test
    void shouldTellTheResidentOfStatusChangesAndAskTheSurveyOnWechat() {
        String openid = follow();
        String ref = Pushes.referenceIn(Pushes.content(Pushes.post(Pushes.text(openid, Pushes.msgId(),
                "微信测试苑3号楼水管漏水"))));
        long assignment = await().atMost(Duration.ofSeconds(20)).until(() -> sql.column("select a.id from assignment a"
                + " join ticket t on t.id = a.ticket_id join partner p on p.id = a.partner_id where t.reference = ?"
                + " and p.code = 'PF-WECHAT'", ref), ids -> !ids.isEmpty()).stream().findFirst()
                .map(n -> ((Number) n).longValue()).orElseThrow();
        partner("PF-WECHAT")
                .post("/partner-api/v1/assignments/" + assignment + "/accept").then().statusCode(200);
        awaitSent(WechatApiStub.CUSTOM_PATH, openid, "工单" + ref + "（物业报修）当前状态：承办单位已签收。");

        partner("PF-WECHAT").contentType("application/json")
                .body("{\"note\":\"换了水管\"}").post("/partner-api/v1/assignments/" + assignment + "/resolve")
                .then().statusCode(200);
        awaitSent(WechatApiStub.CUSTOM_PATH, openid, "您的工单" + ref + "已办结。请回复数字评价：1满意 2基本满意 3不满意 4未解决");
        assertEquals("WECHAT", sql.one("select e.channel from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind = 'SURVEY_REQUESTED'", ref));

        assertEquals("感谢您的评价（满意），工单" + ref + "已结案。",
                Pushes.content(Pushes.post(Pushes.text(openid, Pushes.msgId(), "1"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> "CLOSED".equals(sql.one(
                "select status from ticket where reference = ?", ref)));
        assertEquals("SATISFIED", sql.one("select survey_result from ticket where reference = ?", ref));
    }

    @Test
    void shouldAnswerSuccessWhenSlowAndSendTheReplyByCustomerServiceMessage() {
        String openid = follow();
        String push = Pushes.text(openid, Pushes.msgId(), "微信测试苑楼道灯坏了");
        replies.budget(Duration.ZERO);
        try {
            Pushes.post(push).then().statusCode(200).body(org.hamcrest.Matchers.equalTo("success"));
        } finally {
            replies.budget(Duration.ofSeconds(4));
        }
        JsonNode reply = awaitSent(WechatApiStub.CUSTOM_PATH, openid, "您的诉求已受理，工单编号");
        String ref = Pushes.referenceIn(reply.path("text").path("content").asText());
        // A retry of the push that was answered success is answered success again: the reply is not sent twice.
        Pushes.post(push).then().statusCode(200).body(org.hamcrest.Matchers.equalTo("success"));
        await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("select count(*) from ticket where reference = ?",
                ref) == 1);
        assertEquals(1L, sql.count("select count(*) from ticket t join resident r on r.id = t.resident_id"
                + " where r.wechat_openid = ?", openid));
        // (the request is classified and dispatched, so a status notice about the ticket may follow the reply)
        assertEquals(1, WechatApiStub.sent(WechatApiStub.CUSTOM_PATH, openid).stream()
                .filter(n -> n.toString().contains(ref) && n.toString().contains("您的诉求已受理")).count());
    }
}
