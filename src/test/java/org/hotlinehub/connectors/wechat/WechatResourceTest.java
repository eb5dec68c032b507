package org.hotlinehub.connectors.wechat;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.TwilioApiStub;
import org.hotlinehub.testsupport.WechatApiStub;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The push endpoint as WeChat uses it: URL verification, plaintext and safe mode, WeChat's retries, and every way a
 * push is refused (signature, stale timestamp, XXE, size) with nothing stored.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
@QuarkusTestResource(TwilioApiStub.class)
@QuarkusTestResource(WechatApiStub.class)
class WechatResourceTest {

    @Inject
    Sql sql;

    private long stored(String openid) {
        return sql.count("select count(*) from wechat_inbound where openid = ?", openid)
                + sql.count("select count(*) from wechat_follower where openid = ?", openid)
                + sql.count("select count(*) from resident where wechat_openid = ?", openid);
    }

    private void awaitTicket(String reference) {
        await().atMost(Duration.ofSeconds(20)).until(() -> sql.count(
                "select count(*) from ticket where reference = ?", reference) == 1);
    }

    @Test
    void shouldEchoEchostrWhenTheUrlSignatureIsWechats() {
        String ts = String.valueOf(WechatApiStub.timestamp());
        given().queryParam("signature", WechatSignature.sign(WechatApiStub.TOKEN, ts, "n1")).queryParam("timestamp",
                ts).queryParam("nonce", "n1").queryParam("echostr", "7043785371093481567").get("/wechat")
                .then().statusCode(200).body(org.hamcrest.Matchers.equalTo("7043785371093481567"));
        given().queryParam("signature", "76480565cbe296026c53aaacd1ad523a1ddba24f").queryParam("timestamp", ts)
                .queryParam("nonce", "n1").queryParam("echostr", "1").get("/wechat")
                .then().statusCode(403)
                .body(org.hamcrest.Matchers.equalTo("signature does not match hub.wechat.token"));
    }

    @Test
    void shouldFileATicketFromAPlaintextTextAndAnswerItsRetriesTheSame() {
        String openid = Pushes.openid();
        String push = Pushes.text(openid, Pushes.msgId(), "微信测试苑5号楼电梯坏了，老人下不了楼");
        Response first = Pushes.post(push);
        assertEquals("text/xml;charset=UTF-8", first.contentType().replace(" ", ""));
        Map<String, String> reply = WechatXml.parse(first.asByteArray());
        String ref = Pushes.referenceIn(reply.get("Content"));
        assertEquals("您的诉求已受理，工单编号" + ref + "。发送“查询 " + ref + "”可查进度，直接在此留言可补充情况、位置或图片。",
                reply.get("Content"));
        assertEquals(openid, reply.get("ToUserName"));
        assertEquals(WechatApiStub.ACCOUNT, reply.get("FromUserName"));
        assertEquals("text", reply.get("MsgType"));

        // WeChat retries three times when it thinks it got no answer: each is told the same, one ticket.
        for (int i = 0; i < 3; i++) {
            assertEquals(reply.get("Content"), Pushes.content(Pushes.post(push)));
        }
        awaitTicket(ref);
        assertEquals("WECHAT", sql.one("select channel from ticket where reference = ?", ref));
        assertEquals(openid, sql.one("select r.wechat_openid from ticket t join resident r on r.id = t.resident_id"
                + " where t.reference = ?", ref));
        assertEquals("TEST-WX-COURT", sql.one("select p.code from ticket t join place p on p.id = t.place_id"
                + " where t.reference = ?", ref));
        assertEquals(1L, sql.count("select count(*) from inbound_contact where channel = 'WECHAT' and reference = ?",
                ref));
        assertEquals(1L, sql.count("select count(*) from ticket t join resident r on r.id = t.resident_id"
                + " where r.wechat_openid = ?", openid));

        await().atMost(Duration.ofSeconds(20)).until(() -> "DISPATCHED".equals(sql.one(
                "select status from ticket where reference = ?", ref)));
        assertEquals("工单" + ref + "（物业报修）当前状态：已派单。",
                Pushes.content(Pushes.post(Pushes.text(openid, Pushes.msgId(), "查询 " + ref))));
        assertEquals("没有找到您在本公众号提交的工单" + ref + "，请核对编号。",
                Pushes.content(Pushes.post(Pushes.text(Pushes.openid(), Pushes.msgId(), "查询 " + ref))));
    }

    @Test
    void shouldDecryptASafeModePushAndEncryptTheReply() {
        String openid = Pushes.openid();
        String inner = Pushes.text(openid, Pushes.msgId(), "The street light at WeChat Test Court is out");
        Response response = Pushes.postEncrypted(inner, Pushes.crypto(), null);
        response.then().statusCode(200);
        Map<String, String> envelope = WechatXml.parse(response.asByteArray());
        assertEquals(WechatSignature.sign(WechatApiStub.TOKEN, envelope.get("TimeStamp"), envelope.get("Nonce"),
                envelope.get("Encrypt")),
                envelope.get("MsgSignature"));
        Map<String, String> reply = WechatXml.parse(Pushes.crypto().decrypt(envelope.get("Encrypt"))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String ref = Pushes.referenceIn(reply.get("Content"));
        assertEquals("We have received your request, reference " + ref + ". Send STATUS " + ref
                + " to check on it; write here to add details, a location or photos.", reply.get("Content"));
        assertEquals(openid, reply.get("ToUserName"));
        awaitTicket(ref);
        assertEquals("en", sql.one("select language from ticket where reference = ?", ref));
    }

    @Test
    void shouldRefuseWrongSignaturesStaleTimestampsAndForeignAppidsStoringNothing() {
        String openid = Pushes.openid();
        String push = Pushes.text(openid, Pushes.msgId(), "微信测试苑漏水");
        long now = WechatApiStub.timestamp();
        Pushes.post(push, now, "0".repeat(40)).then().statusCode(403)
                .body(org.hamcrest.Matchers.equalTo("signature does not match hub.wechat.token"));
        Pushes.post(push, now - 301, null).then().statusCode(403)
                .body(org.hamcrest.Matchers.startsWith("timestamp is 30"));
        Pushes.post(push, now + 400, null).then().statusCode(403);
        Pushes.postEncrypted(push, Pushes.crypto(), "1".repeat(40)).then().statusCode(403)
                .body(org.hamcrest.Matchers.equalTo("msg_signature does not match the Encrypt field"));
        Pushes.postEncrypted(push, new WechatCrypto(WechatApiStub.AES_KEY, "wx0000000000000000"), null).then()
                .statusCode(403).body(org.hamcrest.Matchers.equalTo("the encrypted message is for another appid"));
        given().queryParam("timestamp", now).queryParam("nonce", "1").body(push).post("/wechat").then()
                .statusCode(403).body(org.hamcrest.Matchers.equalTo("signature is missing"));
        assertEquals(0L, stored(openid));
        // A push within the window still works: the refusals above were about the request, not the sender.
        Pushes.post(push, now - 250, null).then().statusCode(200);
    }

    @Test
    void shouldRefuseACapturedTimestampAndNonceCarryingAnotherMessageButAnswerWechatsRetries() {
        String openid = Pushes.openid();
        long now = WechatApiStub.timestamp();
        String nonce = "replay" + Pushes.msgId();
        String push = Pushes.text(openid, Pushes.msgId(), "微信测试苑3号楼楼道灯不亮");
        String reply = Pushes.content(Pushes.post(push, now, nonce, null));
        // WeChat's retry: same timestamp, nonce, signature and body, same answer
        assertEquals(reply, Pushes.content(Pushes.post(push, now, nonce, null)));

        String intruder = Pushes.openid();
        Pushes.post(Pushes.text(intruder, Pushes.msgId(), "微信测试苑5号楼电梯坏了"), now, nonce, null).then()
                .statusCode(403).body(org.hamcrest.Matchers.equalTo(
                        "timestamp and nonce were already used with another message: replay refused"));
        assertEquals(0L, stored(intruder));
        assertEquals(1L, sql.count("select count(*) from one_time_use where use_key = ?", "wechat:" + now + ":"
                + nonce));
    }

    @Test
    void shouldRejectXxeAndEntityExpansionFastWithoutTouchingFilesOrNetwork() throws IOException {
        Path secret = Files.createTempFile("wechat-xxe", ".txt");
        Files.writeString(secret, "TOP-SECRET");
        try (ServerSocket listener = new ServerSocket(0)) {
            listener.setSoTimeout(300);
            String[] attacks = {WechatXmlTest.BILLION_LAUGHS, WechatXmlTest.fileEntity(secret),
                    WechatXmlTest.networkEntity(listener.getLocalPort()),
                    WechatXmlTest.externalDtd(listener.getLocalPort())};
            for (String attack : attacks) {
                long start = System.nanoTime();
                Response r = Pushes.post(attack);
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertEquals(400, r.statusCode(), attack);
                assertTrue(millis < 1000, "took " + millis + " ms");
                assertTrue(!r.asString().contains("TOP-SECRET"));
            }
            // In safe mode the decrypted message gets the same parser.
            Pushes.postEncrypted(WechatXmlTest.fileEntity(secret), Pushes.crypto(), null).then().statusCode(400)
                    .body(org.hamcrest.Matchers.equalTo("DOCTYPE is not allowed in WeChat messages"));
            org.junit.jupiter.api.Assertions.assertThrows(SocketTimeoutException.class, listener::accept);
        } finally {
            Files.delete(secret);
        }
        assertEquals(0L, stored("oAbcdef"));
    }

    @Test
    void shouldRefuseOversizedAndMalformedPushes() {
        String openid = Pushes.openid();
        Pushes.post(Pushes.text(openid, Pushes.msgId(), "漏".repeat(30_000))).then().statusCode(413)
                .body(org.hamcrest.Matchers.equalTo("the body is larger than 65536 bytes"));
        Pushes.post("<xml><FromUserName>" + openid + "</FromUserName></xml>").then().statusCode(400)
                .body(org.hamcrest.Matchers.equalTo("ToUserName is missing"));
        Pushes.post(Pushes.xml(openid, "text", Map.of("Content", "no id"))).then().statusCode(400)
                .body(org.hamcrest.Matchers.equalTo("MsgId is required for a text message"));
        assertEquals(0L, stored(openid));
    }

    @Test
    void shouldWelcomeSubscribersAnswerMenusAndRecordUnsubscribes() {
        String openid = Pushes.openid();
        String welcome = Pushes.content(Pushes.post(Pushes.event(openid, "subscribe", null)));
        assertTrue(welcome.startsWith("欢迎关注社区服务热线！直接发送文字或语音说明问题和所在小区，即可报事"), welcome);
        assertTrue(welcome.contains("Welcome to the community service hotline!"), welcome);
        assertEquals(true, sql.one("select subscribed from wechat_follower where openid = ?", openid));

        assertEquals("您目前没有未办结的工单。直接发送文字即可报事。",
                Pushes.content(Pushes.post(Pushes.event(openid, "CLICK", "MY_TICKETS"))));
        String ref = Pushes.referenceIn(Pushes.content(Pushes.post(Pushes.text(openid, Pushes.msgId(),
                "微信测试苑路灯不亮"))));
        awaitTicket(ref);
        Pushes.awaitNextSecond();
        String mine = Pushes.content(Pushes.post(Pushes.event(openid, "CLICK", "MY_TICKETS")));
        assertTrue(mine.startsWith("您未办结的工单：\n工单" + ref + "（物业报修）当前状态："), mine);
        assertTrue(Pushes.content(Pushes.post(Pushes.event(openid, "CLICK", "REPORT")))
                .startsWith("请直接发送文字或语音，说明遇到的问题和所在小区或地址"));

        Response bye = Pushes.post(Pushes.event(openid, "unsubscribe", null));
        bye.then().statusCode(200).body(org.hamcrest.Matchers.equalTo("success"));
        assertEquals(false, sql.one("select subscribed from wechat_follower where openid = ?", openid));
        assertEquals(1L, sql.count("select count(*) from wechat_follower where openid = ? and unsubscribed_at"
                + " is not null", openid));
    }

    @Test
    void shouldAttachALocationAndPhotoSentFirstToTheNextRequest() {
        String openid = Pushes.openid();
        String kept = Pushes.content(Pushes.post(Pushes.xml(openid, "location", Map.of("Location_X", "36.5005",
                "Location_Y", "120.9003", "Scale", "20", "Label", "测试路附近", "MsgId",
                String.valueOf(Pushes.msgId())))));
        assertEquals("已收到位置（测试路附近）。请再用文字或语音说明遇到的问题，我们会连同位置一起受理。", kept);
        assertEquals("已收到图片。请再用文字或语音说明遇到的问题和地点，我们会连同图片一起受理。",
                Pushes.content(Pushes.post(Pushes.xml(openid, "image", Map.of("PicUrl",
                        "https://mmbiz.qpic.cn/test.jpg", "MediaId", "MEDIA-1", "MsgId",
                        String.valueOf(Pushes.msgId()))))));
        // Voice with speech recognition: the recognised text is the description; no place named in it.
        String ref = Pushes.referenceIn(Pushes.content(Pushes.post(Pushes.xml(openid, "voice", Map.of("MediaId",
                "VOICE-1", "Format", "amr", "Recognition", "楼道里漏水了", "MsgId", String.valueOf(Pushes.msgId()))))));
        awaitTicket(ref);
        assertEquals("TEST-WX-COURT", sql.one("select p.code from ticket t join place p on p.id = t.place_id"
                + " where t.reference = ?", ref), "located by the coordinates shared before");
        assertEquals(36.5005, sql.one("select lat from ticket where reference = ?", ref));
        assertEquals("楼道里漏水了\n位置 / location: 测试路附近", sql.one("select description from ticket where reference = ?",
                ref));
        assertEquals(java.util.List.of("wechat-media:VOICE-1", "https://mmbiz.qpic.cn/test.jpg"), sql.column(
                "select a.url from attachment a join ticket t on t.id = a.ticket_id where t.reference = ?"
                        + " order by a.id",
                ref));
        assertTrue(sql.column("select e.detail from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind = 'LOCATED'", ref).get(0).toString()
                .endsWith("→ grid SN-01-03-G07"));

        // A location after the request goes on the ticket.
        assertEquals("已记入工单" + ref + "。", Pushes.content(Pushes.post(Pushes.xml(openid, "location", Map.of(
                "Location_X", "36.5", "Location_Y", "120.9", "Scale", "20", "Label", "5号楼", "MsgId",
                String.valueOf(Pushes.msgId()))))));
        await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("select count(*) from timeline_event e"
                + " join ticket t on t.id = e.ticket_id where t.reference = ? and e.kind = 'FOLLOW_UP'"
                + " and e.detail like '位置 / location: 5号楼 (36.5, 120.9)'", ref) == 1);
    }

    @Test
    void shouldLinkTheOpenidToThePhoneWithACodeSentBySms() {
        String openid = Pushes.openid();
        String phone = "+86139" + String.format("%08d", (int) (Math.random() * 100_000_000));
        // The phone's owner already filed by SMS: the WeChat ticket and the SMS one meet in one profile.
        String smsRef = org.hotlinehub.testsupport.TwilioSms.referenceIn(org.hotlinehub.testsupport.TwilioSms.text(
                phone, "短信测试苑门口垃圾没人清"));
        String wxRef = Pushes.referenceIn(Pushes.content(Pushes.post(Pushes.text(openid, Pushes.msgId(),
                "微信测试苑电梯坏了"))));
        awaitTicket(smsRef);
        awaitTicket(wxRef);
        // the WeChat report had joined an incident: its link names the WeChat-only profile, and must follow the ticket
        sql.update("insert into incident_link (incident_id, reporter_ticket_id, state, score, reason, channel,"
                + " resident_id, language, reported_at, decided_by, decided_at) select i.id, t.id, 'LINKED', 0.9,"
                + " 'text 0.90', 'WECHAT', t.resident_id, 'zh', now(), 'hub:incident', now() from ticket i, ticket t"
                + " where i.reference = ? and t.reference = ?", smsRef, wxRef);

        String masked = phone.substring(0, 6) + "****" + phone.substring(10);
        assertEquals("验证码已通过短信发送至" + masked + "，请在10分钟内将6位验证码发送到本公众号。",
                Pushes.content(Pushes.post(Pushes.text(openid, Pushes.msgId(), "绑定 " + phone.substring(3)))));
        Map<String, String> sms = await().atMost(Duration.ofSeconds(20)).until(() -> TwilioApiStub.sentTo(phone)
                .stream().filter(f -> f.get("Body").contains("微信绑定验证码")).findFirst().orElse(null), f -> f != null);
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("验证码为(\\d{6})").matcher(sms.get("Body"));
        assertTrue(code.find());
        String wrong = code.group(1).equals("000000") ? "111111" : "000000";
        assertEquals("验证码不正确，请核对短信后重试。", Pushes.content(Pushes.post(Pushes.text(openid, Pushes.msgId(), wrong))));
        assertEquals("绑定成功！本微信已关联" + masked + "，您的电话、短信和微信诉求将合并查看。",
                Pushes.content(Pushes.post(Pushes.text(openid, Pushes.msgId(), code.group(1)))));

        assertEquals(1L, sql.count("select count(*) from resident where phone = ? and wechat_openid = ?", phone,
                openid));
        assertEquals(1L, sql.count("select count(distinct resident_id) from ticket where reference in (?, ?)", smsRef,
                wxRef));
        assertEquals(1L, sql.count("select count(*) from incident_link l join ticket t on t.id = l.reporter_ticket_id"
                + " where t.reference = ? and l.resident_id = t.resident_id", wxRef), "the link moved with the ticket");
        // Status by WeChat now finds the SMS ticket too.
        assertTrue(Pushes.content(Pushes.post(Pushes.text(openid, Pushes.msgId(), "查询 " + smsRef)))
                .startsWith("工单" + smsRef));
    }
}
