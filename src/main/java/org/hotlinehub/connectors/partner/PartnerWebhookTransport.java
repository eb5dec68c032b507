package org.hotlinehub.connectors.partner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.DeliveryChannel;
import org.hotlinehub.model.port.PartnerTransport;

/**
 * Posts an event to a partner's URL with the signature, event and idempotency headers of contract.md. A 2xx answer
 * means delivered; anything else, a timeout or a connection failure is reported for a retry.
 */
@ApplicationScoped
public class PartnerWebhookTransport implements PartnerTransport {

    public static final String EVENT_HEADER = "X-Hub-Event";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    @Inject
    HubConfig config;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(java.time.Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Override
    public DeliveryChannel channel() {
        return DeliveryChannel.WEBHOOK;
    }

    @Override
    public Outcome send(Request request) {
        if (request.url() == null || request.url().isBlank()) {
            return Outcome.failed("partner " + request.partnerCode() + " has no webhook url");
        }
        byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(config.delivery().timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "HotlineHub-Webhook/1")
                .header(EVENT_HEADER, request.eventType())
                .header(IDEMPOTENCY_HEADER, request.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (request.secret() != null && !request.secret().isBlank()) {
            post.header(WebhookSignature.HEADER, WebhookSignature.of(request.secret(), body));
        }
        try {
            HttpResponse<Void> response = http.send(post.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status / 100 == 2 ? Outcome.ok("HTTP " + status) : Outcome.failed("HTTP " + status);
        } catch (IOException e) {
            return Outcome.failed(e.getMessage() == null
                    ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted");
        } catch (IllegalArgumentException e) {
            return Outcome.failed("bad webhook url: " + e.getMessage());
        }
    }
}
