package org.hotlinehub.connectors.wechat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.Startup;

/**
 * The WeChat API at {@code hub.wechat.api-base-url}: JSON posts with the access token, which is fetched once for all
 * instances ({@link WechatTokens}, a locked database row), kept here until shortly before it expires, and refreshed
 * once and the call repeated when WeChat says it is invalid or expired (40001, 40014, 42001), as WxJava does. Without
 * an app id and secret the hub is in sandbox mode and calls nothing.
 */
@ApplicationScoped
@Startup
public class WechatApi {

    private static final Logger LOG = Logger.getLogger(WechatApi.class);
    static final Set<Integer> TOKEN_ERRORS = Set.of(40001, 40014, 42001);
    /** Refresh this long before WeChat's expiry (WxJava keeps 200 s). */
    static final Duration EARLY = Duration.ofSeconds(200);
    /** A token is used only while it is good for at least this long. */
    static final Duration MARGIN = Duration.ofSeconds(60);

    @Inject
    HubConfig config;
    @Inject
    WechatTokens tokens;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    private HttpClient http;
    private volatile WechatTokens.Issued cached;

    /** WeChat's answer: {@code errcode} 0 is success; -2 here means no answer (network, HTTP error). */
    record Result(int errcode, String errmsg, String msgid) {

        boolean ok() {
            return errcode == 0;
        }
    }

    /** The token endpoint refused or could not be reached. */
    static class TokenException extends RuntimeException {

        private static final long serialVersionUID = 1L;
        final int errcode;

        TokenException(int errcode, String message) {
            super(message);
            this.errcode = errcode;
        }
    }

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        if (sandbox()) {
            LOG.warn("WeChat sandbox mode: hub.wechat.app-id / hub.wechat.app-secret are not set, outbound WeChat"
                    + " messages are recorded (GET /api/v1/outbound-messages/wechat) and NOT sent");
        } else {
            LOG.infof("WeChat API at %s", base());
        }
    }

    boolean sandbox() {
        return config.wechat().appId().filter(s -> !s.isBlank()).isEmpty()
                || config.wechat().appSecret().filter(s -> !s.isBlank()).isEmpty();
    }

    /** POSTs the body as JSON to the API path with the token; refreshes the token once when WeChat refuses it. */
    Result post(String path, Map<String, Object> body) {
        String token = token(null);
        Result result = call(path, token, body);
        if (TOKEN_ERRORS.contains(result.errcode())) {
            LOG.infof("WeChat refused the access token (%d %s): refreshing once", result.errcode(),
                    result.errmsg());
            result = call(path, token(token), body);
        }
        return result;
    }

    private Result call(String path, String token, Map<String, Object> body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path + "?access_token="
                    + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                    .timeout(config.delivery().timeout())
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(
                    StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                return new Result(-2, "HTTP " + response.statusCode(), null);
            }
            JsonNode answer = json.readTree(response.body());
            return new Result(answer.path("errcode").asInt(0), answer.path("errmsg").asText(""),
                    answer.hasNonNull("msgid") ? answer.get("msgid").asText() : null);
        } catch (IOException e) {
            return new Result(-2, "cannot reach the WeChat API: " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-2, "interrupted", null);
        }
    }

    /** A token good for a while: this instance's copy, else the shared one, else a fresh one fetched for all. */
    String token(String rejected) {
        Instant validUntil = clock.instant().plus(MARGIN);
        WechatTokens.Issued mine = cached;
        if (mine != null && !mine.token().equals(rejected) && mine.expiresAt().isAfter(validUntil)) {
            return mine.token();
        }
        WechatTokens.Issued shared = tokens.current(config.wechat().appId().orElseThrow(), validUntil, rejected,
                this::fetch);
        cached = shared;
        return shared.token();
    }

    /** Forgets this instance's copy (tests; a new secret). */
    void forgetToken() {
        cached = null;
    }

    private WechatTokens.Issued fetch() {
        String appId = config.wechat().appId().orElseThrow();
        String secret = config.wechat().appSecret().orElseThrow();
        HttpRequest request;
        try {
            if (config.wechat().stableToken()) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("grant_type", "client_credential");
                body.put("appid", appId);
                body.put("secret", secret);
                body.put("force_refresh", false);
                request = HttpRequest.newBuilder(URI.create(base() + "/cgi-bin/stable_token"))
                        .timeout(config.delivery().timeout()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
            } else {
                request = HttpRequest.newBuilder(URI.create(base() + "/cgi-bin/token?grant_type=client_credential"
                        + "&appid=" + URLEncoder.encode(appId, StandardCharsets.UTF_8) + "&secret="
                        + URLEncoder.encode(secret, StandardCharsets.UTF_8)))
                        .timeout(config.delivery().timeout()).GET().build();
            }
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(
                    StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new TokenException(-2, "the token endpoint answered HTTP " + response.statusCode());
            }
            JsonNode answer = json.readTree(response.body());
            if (!answer.hasNonNull("access_token")) {
                throw new TokenException(answer.path("errcode").asInt(-2), "no access token: "
                        + answer.path("errcode").asInt() + " " + answer.path("errmsg").asText());
            }
            long expiresIn = answer.path("expires_in").asLong(7200);
            Duration keep = Duration.ofSeconds(expiresIn).minus(EARLY);
            if (keep.compareTo(MARGIN.multipliedBy(2)) < 0) {
                keep = Duration.ofSeconds(expiresIn / 2);
            }
            LOG.infof("WeChat access token fetched (%s), valid %d s", config.wechat().stableToken()
                    ? "stable_token"
                    : "token", expiresIn);
            return new WechatTokens.Issued(answer.get("access_token").asText(), clock.instant().plus(keep));
        } catch (JsonProcessingException e) {
            throw new TokenException(-2, "the token endpoint answered something that is not JSON");
        } catch (IOException e) {
            throw new TokenException(-2, "cannot reach the WeChat token endpoint: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenException(-2, "interrupted");
        }
    }

    private String base() {
        return config.wechat().apiBaseUrl().replaceAll("/+$", "");
    }
}
