package org.hotlinehub.connectors.web;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.hotlinehub.model.Hashes;
import org.jboss.logging.Logger;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Floods (S5): every request to /status, the REST API, Open311 and the partner API is counted by {@link RateLimiter}
 * per client address and, when it carries a credential, per credential, before any password or key is checked; an
 * address whose requests were refused 401/403 too often waits too, so guessed keys get a few tries a minute. Above a
 * limit the answer is 429 with Retry-After, in the error format of the API asked. Webhooks (/twilio, /wechat) verify
 * their signatures themselves and are never counted here.
 */
@ApplicationScoped
public class RateLimitFilter {

    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class);

    @Inject
    RateLimiter limiter;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::limit);
    }

    static Optional<RateLimiter.Bucket> bucket(String path) {
        if (path.equals("/status") || path.startsWith("/status/")) {
            return Optional.of(RateLimiter.Bucket.STATUS);
        }
        if (path.startsWith("/api/v1/") || path.equals("/api/v1")) {
            return Optional.of(RateLimiter.Bucket.API);
        }
        if (path.startsWith("/open311/")) {
            return Optional.of(RateLimiter.Bucket.OPEN311);
        }
        if (path.startsWith("/partner-api/")) {
            return Optional.of(RateLimiter.Bucket.PARTNER_API);
        }
        return Optional.empty();
    }

    void limit(RoutingContext context) {
        String path = context.normalizedPath();
        Optional<RateLimiter.Bucket> bucket = bucket(path);
        if (bucket.isEmpty()) {
            context.next();
            return;
        }
        String address = context.request().remoteAddress() == null
                ? "unknown"
                : context.request().remoteAddress().hostAddress();
        String credential = credential(context);
        Optional<Duration> wait = limiter.waiting(RateLimiter.Bucket.FAILED_AUTH, address)
                .or(() -> limiter.tryAcquire(bucket.get(), address))
                .or(() -> credential == null
                        ? Optional.empty()
                        : limiter.tryAcquire(bucket.get(), "key " + Hashes.sha256(credential)));
        if (wait.isPresent()) {
            refuse(context, bucket.get(), path, wait.get().toSeconds());
            return;
        }
        if (bucket.get() != RateLimiter.Bucket.STATUS) {
            context.addHeadersEndHandler(v -> {
                int status = context.response().getStatusCode();
                if (status == 401 || status == 403) {
                    limiter.tryAcquire(RateLimiter.Bucket.FAILED_AUTH, address);
                }
            });
        }
        context.next();
    }

    /** The credential the request presents, whatever it is worth: Basic or Bearer, X-Api-Key, Open311's api_key. */
    private static String credential(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            return authorization;
        }
        String apiKey = context.request().getHeader("X-Api-Key");
        return apiKey != null ? apiKey : context.request().getParam("api_key");
    }

    private static void refuse(RoutingContext context, RateLimiter.Bucket bucket, String path, long seconds) {
        String message = Languages.messages(false).errTooManyRequests(seconds) + " "
                + Languages.messages(true).errTooManyRequests(seconds);
        LOG.debugf("429 for %s %s: %s limit reached", context.request().method(), path, bucket);
        String type;
        String body;
        if (bucket == RateLimiter.Bucket.OPEN311 && path.endsWith(".xml")) {
            type = "text/xml; charset=utf-8";
            body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><errors><error><code>429</code><description>"
                    + message + "</description></error></errors>";
        } else if (bucket == RateLimiter.Bucket.OPEN311) {
            type = "application/json";
            body = new JsonArray().add(new JsonObject().put("code", 429).put("description", message)).encode();
        } else if (bucket == RateLimiter.Bucket.STATUS) {
            type = "text/plain; charset=UTF-8";
            body = message + "\n";
        } else {
            type = "application/json";
            body = new JsonObject().put("error", new JsonObject().put("status", 429).put("code", "too_many_requests")
                    .put("message", message)).encode();
        }
        context.response().setStatusCode(429).putHeader("Retry-After", String.valueOf(seconds))
                .putHeader(HttpHeaders.CONTENT_TYPE, type).end(body);
    }
}
