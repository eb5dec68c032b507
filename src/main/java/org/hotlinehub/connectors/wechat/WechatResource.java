package org.hotlinehub.connectors.wechat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.Hashes;
import org.hotlinehub.model.InputLimits;
import org.hotlinehub.model.port.OneTimeUses;
import org.jboss.logging.Logger;

/**
 * WeChat's server URL (docs/contract.md, "Inbound endpoints"): {@code GET /wechat} verifies the URL,
 * {@code POST /wechat} takes pushes in plaintext, compatible and safe (AES) modes. Checks, in order, each a clear 4xx
 * with nothing stored: the URL {@code signature} (403), the timestamp within ±300 s (403), the body size (413), the
 * timestamp and nonce not used before with another body (403), the XML (400, no DOCTYPE), in safe mode the
 * {@code msg_signature} before decrypting (403) and the appid after (403), the fields (400). Then the push is answered
 * within WeChat's 5 s: a passive reply, or {@code success} when the reply will follow by customer-service message.
 */
@Path(WechatResource.PATH)
@Tag(name = "WeChat", description = "The Official Account's message push (signed by WeChat)")
public class WechatResource {

    static final String PATH = "/wechat";
    static final long MAX_SKEW_SECONDS = 300;
    static final int MAX_BODY_BYTES = InputLimits.WEBHOOK_BODY_BYTES;
    static final MediaType TEXT_XML = MediaType.TEXT_XML_TYPE.withCharset("UTF-8");
    static final MediaType TEXT_PLAIN = MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8");

    private static final Logger LOG = Logger.getLogger(WechatResource.class);

    @Inject
    HubConfig config;
    @Inject
    WechatReplies replies;
    @Inject
    OneTimeUses oneTimeUses;
    @Inject
    Clock clock;

    @GET
    @Operation(summary = "URL verification: echoes echostr when the signature is WeChat's")
    public Response verify(@QueryParam("signature") String signature, @QueryParam("timestamp") String timestamp,
            @QueryParam("nonce") String nonce, @QueryParam("echostr") String echostr) {
        try {
            checkSigned(signature, timestamp, nonce);
        } catch (WechatCrypto.InvalidMessageException e) {
            return refuse(e);
        }
        if (echostr == null || echostr.isEmpty()) {
            return plain(400, "echostr is missing");
        }
        return Response.ok(echostr, TEXT_PLAIN).build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A message or event from a follower; answered with a passive reply or success")
    public Response push(@QueryParam("signature") String signature, @QueryParam("timestamp") String timestamp,
            @QueryParam("nonce") String nonce, @QueryParam("encrypt_type") String encryptType,
            @QueryParam("msg_signature") String msgSignature, InputStream body) {
        WechatMessage message;
        boolean encrypted = "aes".equalsIgnoreCase(encryptType);
        try {
            checkSigned(signature, timestamp, nonce);
            if (encryptType != null && !encrypted && !"raw".equalsIgnoreCase(encryptType)) {
                throw new WechatCrypto.InvalidMessageException("encrypt_type must be aes or raw");
            }
            byte[] raw = read(body);
            checkFirstUse(timestamp, nonce, raw);
            Map<String, String> fields = WechatXml.parse(raw);
            if (encrypted) {
                fields = WechatXml.parse(decrypt(fields, timestamp, nonce, msgSignature)
                        .getBytes(StandardCharsets.UTF_8));
            }
            message = WechatMessage.of(fields);
        } catch (WechatCrypto.InvalidMessageException e) {
            return refuse(e);
        }
        WechatReplies.Answer answer = replies.answer(message);
        if (answer.unavailable()) {
            return Response.status(503).header("Retry-After", "5").type(TEXT_PLAIN)
                    .entity("the hub cannot take this message now; WeChat will retry").build();
        }
        if (answer.reply() == null) {
            return Response.ok("success", TEXT_PLAIN).build();
        }
        String xml = replyXml(message, answer.reply(), clock.instant());
        return Response.ok(encrypted ? encryptedReply(xml, timestamp, nonce) : xml, TEXT_XML).build();
    }

    private void checkSigned(String signature, String timestamp, String nonce) {
        Optional<String> token = config.wechat().token();
        if (token.isEmpty() || token.get().isBlank()) {
            throw new WechatCrypto.InvalidMessageException(403,
                    "hub.wechat.token is not set: this hub takes no WeChat pushes");
        }
        if (signature == null || signature.isBlank()) {
            throw new WechatCrypto.InvalidMessageException(403, "signature is missing");
        }
        if (timestamp == null || !timestamp.matches("\\d{1,12}") || nonce == null || nonce.isEmpty()
                || nonce.length() > 64) {
            throw new WechatCrypto.InvalidMessageException("timestamp and nonce are required");
        }
        if (!WechatSignature.matches(WechatSignature.sign(token.get(), timestamp, nonce), signature)) {
            throw new WechatCrypto.InvalidMessageException(403, "signature does not match hub.wechat.token");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
        if (skew > MAX_SKEW_SECONDS) {
            throw new WechatCrypto.InvalidMessageException(403, "timestamp is " + skew
                    + " s away from the hub's clock (more than " + MAX_SKEW_SECONDS + " s): stale or replayed");
        }
    }

    /**
     * In plaintext mode the signature does not cover the body, so a captured timestamp, nonce and signature could
     * carry another message within the ±300 s window: the first body they came with is kept (on every node) until
     * the window has passed, and another body is refused. WeChat's own retries send the same body and pass.
     */
    private void checkFirstUse(String timestamp, String nonce, byte[] body) {
        Instant keepUntil = Instant.ofEpochSecond(Long.parseLong(timestamp)).plusSeconds(MAX_SKEW_SECONDS + 60);
        boolean first;
        try {
            first = oneTimeUses.claim("wechat:" + timestamp + ":" + nonce, Hashes.sha256(body), keepUntil);
        } catch (RuntimeException e) {
            LOG.warnf("WeChat push answered 503: the nonce could not be checked (%s)", e.toString());
            throw new WechatCrypto.InvalidMessageException(503, "the hub cannot check this message now; retry");
        }
        if (!first) {
            throw new WechatCrypto.InvalidMessageException(403,
                    "timestamp and nonce were already used with another message: replay refused");
        }
    }

    /** Safe mode: msg_signature over the ciphertext first, then decryption (which checks the appid). */
    private String decrypt(Map<String, String> envelope, String timestamp, String nonce, String msgSignature) {
        String encrypt = envelope.get("Encrypt");
        if (encrypt == null || encrypt.isBlank()) {
            throw new WechatCrypto.InvalidMessageException("encrypt_type is aes but the body has no Encrypt");
        }
        if (msgSignature == null || !WechatSignature.matches(
                WechatSignature.sign(config.wechat().token().orElseThrow(), timestamp, nonce, encrypt),
                msgSignature)) {
            throw new WechatCrypto.InvalidMessageException(403, "msg_signature does not match the Encrypt field");
        }
        return crypto().decrypt(encrypt);
    }

    private WechatCrypto crypto() {
        String key = config.wechat().aesKey().orElse("");
        String appId = config.wechat().appId().orElse("");
        if (key.isBlank() || appId.isBlank()) {
            throw new WechatCrypto.InvalidMessageException(
                    "this hub has no hub.wechat.aes-key / app-id for safe mode; use plaintext mode or set them");
        }
        return new WechatCrypto(key, appId);
    }

    private String encryptedReply(String xml, String timestamp, String nonce) {
        String encrypt = crypto().encrypt(xml);
        Map<String, String> envelope = new LinkedHashMap<>();
        envelope.put("Encrypt", encrypt);
        envelope.put("MsgSignature", WechatSignature.sign(config.wechat().token().orElseThrow(), timestamp, nonce,
                encrypt));
        envelope.put("TimeStamp", timestamp);
        envelope.put("Nonce", nonce);
        return WechatXml.write(envelope, "TimeStamp");
    }

    static String replyXml(WechatMessage to, String text, Instant at) {
        Map<String, String> reply = new LinkedHashMap<>();
        reply.put("ToUserName", to.openid());
        reply.put("FromUserName", to.account());
        reply.put("CreateTime", String.valueOf(at.getEpochSecond()));
        reply.put("MsgType", "text");
        reply.put("Content", text);
        return WechatXml.write(reply, "CreateTime");
    }

    /** At most {@link #MAX_BODY_BYTES}, read before any parsing. */
    private static byte[] read(InputStream body) {
        if (body == null) {
            throw new WechatCrypto.InvalidMessageException("the body is empty");
        }
        try {
            byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new WechatCrypto.InvalidMessageException(413, "the body is larger than " + MAX_BODY_BYTES
                        + " bytes");
            }
            if (bytes.length == 0) {
                throw new WechatCrypto.InvalidMessageException("the body is empty");
            }
            return bytes;
        } catch (IOException e) {
            throw new WechatCrypto.InvalidMessageException("the body could not be read");
        }
    }

    private static Response refuse(WechatCrypto.InvalidMessageException e) {
        LOG.infof("WeChat push refused (%d): %s", e.status, e.getMessage());
        return plain(e.status, e.getMessage());
    }

    private static Response plain(int status, String message) {
        return Response.status(status).type(TEXT_PLAIN).entity(message).build();
    }
}
