package org.hotlinehub.connectors.wechat;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotlinehub.testsupport.WechatApiStub;

import io.restassured.response.Response;

/** Pushes as WeChat sends them: signed with the test token, in plaintext or safe (AES) mode. */
public final class Pushes {

    private static final AtomicLong MSG_IDS = new AtomicLong(System.currentTimeMillis() * 1000);
    private static final Pattern REFERENCE = Pattern.compile("工单编号(\\d+)|reference (\\d+)");

    private Pushes() {
    }

    public static String openid() {
        String chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder s = new StringBuilder("oTest");
        for (int i = 0; i < 23; i++) {
            s.append(chars.charAt(ThreadLocalRandom.current().nextInt(chars.length())));
        }
        return s.toString();
    }

    public static long msgId() {
        return MSG_IDS.incrementAndGet();
    }

    static String xml(String openid, String type, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("ToUserName", WechatApiStub.ACCOUNT);
        all.put("FromUserName", openid);
        all.put("CreateTime", String.valueOf(WechatApiStub.timestamp()));
        all.put("MsgType", type);
        all.putAll(fields);
        return WechatXml.write(all, "CreateTime", "MsgId", "Location_X", "Location_Y", "Scale");
    }

    /**
     * Waits for the next second: WeChat identifies an event by sender and CreateTime (seconds), so the same click twice
     * in one second is a retry of one push, and a test that means two clicks must let a second pass.
     */
    static void awaitNextSecond() {
        long now = WechatApiStub.timestamp();
        while (WechatApiStub.timestamp() == now) {
            Thread.onSpinWait();
        }
    }

    public static String text(String openid, long msgId, String content) {
        return xml(openid, "text", Map.of("Content", content, "MsgId", String.valueOf(msgId)));
    }

    static String event(String openid, String event, String key) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Event", event);
        if (key != null) {
            f.put("EventKey", key);
        }
        return xml(openid, "event", f);
    }

    public static Response post(String body) {
        return post(body, WechatApiStub.timestamp(), null);
    }

    /** Signed with the test token at {@code timestamp}; {@code signature} overrides the right one when given. */
    static Response post(String body, long timestamp, String signature) {
        return post(body, timestamp, String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000_000)), signature);
    }

    /** As {@link #post(String, long, String)} with the given nonce (a captured request used again). */
    static Response post(String body, long timestamp, String nonce, String signature) {
        String ts = String.valueOf(timestamp);
        return given().queryParam("signature", signature != null
                ? signature
                : WechatSignature.sign(WechatApiStub.TOKEN, ts, nonce)).queryParam("timestamp", ts)
                .queryParam("nonce", nonce).queryParam("openid", "ignored")
                .contentType("text/xml; charset=UTF-8").body(body.getBytes(StandardCharsets.UTF_8)).post("/wechat");
    }

    static WechatCrypto crypto() {
        return new WechatCrypto(WechatApiStub.AES_KEY, WechatApiStub.APP_ID);
    }

    /** Safe mode: the message encrypted into an envelope, with msg_signature (or {@code msgSignature} instead). */
    static Response postEncrypted(String inner, WechatCrypto crypto, String msgSignature) {
        String ts = String.valueOf(WechatApiStub.timestamp());
        String nonce = "n" + ThreadLocalRandom.current().nextInt(1_000_000);
        String encrypt = crypto.encrypt(inner);
        String envelope = WechatXml.write(new LinkedHashMap<>(Map.of("ToUserName", WechatApiStub.ACCOUNT,
                "Encrypt", encrypt)));
        return given().queryParam("signature", WechatSignature.sign(WechatApiStub.TOKEN, ts, nonce))
                .queryParam("timestamp", ts).queryParam("nonce", nonce).queryParam("encrypt_type", "aes")
                .queryParam("msg_signature", msgSignature != null
                        ? msgSignature
                        : WechatSignature.sign(WechatApiStub.TOKEN, ts, nonce, encrypt))
                .contentType("text/xml; charset=UTF-8").body(envelope.getBytes(StandardCharsets.UTF_8))
                .post("/wechat");
    }

    /** The Content of a plaintext passive reply. */
    public static String content(Response response) {
        response.then().statusCode(200);
        return WechatXml.parse(response.asByteArray()).get("Content");
    }

    public static String referenceIn(String reply) {
        Matcher m = REFERENCE.matcher(reply);
        if (!m.find()) {
            throw new AssertionError("no reference in " + reply);
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }
}
