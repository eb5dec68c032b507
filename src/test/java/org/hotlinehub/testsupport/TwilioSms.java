package org.hotlinehub.testsupport;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.restassured.response.Response;

/**
 * Posting to the hub as Twilio does: form-encoded, signed the way docs/contract.md, "Twilio signature", describes
 * (HMAC-SHA1 over the public URL and the sorted parameters, keyed with the auth token), computed here independently of
 * the SDK.
 */
public final class TwilioSms {

    public static final String PUBLIC_BASE = "http://hub.test";
    private static final Pattern BODY = Pattern.compile("<Body>(.*?)</Body>", Pattern.DOTALL);

    private TwilioSms() {
    }

    public static String newSid() {
        return randomSid("SM");
    }

    /** A fresh Twilio SID: the prefix of its kind (SM, CA, ...) and 32 random hex digits. */
    public static String randomSid(String prefix) {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    /** The parameters of a real inbound SMS webhook. */
    public static Map<String, String> inbound(String sid, String from, String body) {
        return params("ToCountry", "CN", "SmsMessageSid", sid, "NumMedia", "0", "FromCity", "", "SmsSid", sid,
                "SmsStatus", "received", "Body", body, "To", TwilioApiStub.FROM, "NumSegments", "1", "MessageSid", sid,
                "AccountSid", TwilioApiStub.ACCOUNT_SID, "From", from, "ApiVersion", "2010-04-01");
    }

    /** Webhook parameters from name and value pairs, in the order given (the order Twilio sends them in). */
    public static Map<String, String> params(String... pairs) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            p.put(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    public static String sign(String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(TwilioApiStub.AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Response post(String path, Map<String, String> params, String signature) {
        var request = given().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        params.forEach(request::formParam);
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return request.post(path);
    }

    public static Response postSigned(String path, Map<String, String> params) {
        return post(path, params, sign(PUBLIC_BASE + path, params));
    }

    /** A signed text from this phone; returns the reply text of the TwiML answer (HTTP 200 asserted). */
    public static String text(String from, String body) {
        return replyIn(postSigned("/twilio/sms", inbound(newSid(), from, body)).then().statusCode(200).extract()
                .asString());
    }

    public static String replyIn(String twiml) {
        Matcher m = BODY.matcher(twiml);
        if (!m.find()) {
            throw new AssertionError("no <Body> in " + twiml);
        }
        return m.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&apos;", "'");
    }

    public static String referenceIn(String reply) {
        Matcher m = Pattern.compile("(\\d{9})").matcher(reply);
        if (!m.find()) {
            throw new AssertionError("no reference in " + reply);
        }
        return m.group(1);
    }
}
