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
import org.hotlinehub.model.OutboxChannel;
import org.hotlinehub.model.OutboxMessage;
import org.hotlinehub.model.SendResult;
import org.hotlinehub.model.port.OutboxSender;

/**
 * Posts an event to a partner's URL with the signature, event and idempotency headers of docs/contract.md, "Partner
 * webhook". A 2xx answer means delivered; anything else, a timeout or a connection failure is worth a retry (the
 * contract: retried until the partner's give-up time), which the outbox makes.
 */
@ApplicationScoped
public class PartnerWebhookTransport implements OutboxSender {

    public static final String EVENT_HEADER = "X-Hub-Event";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    @Inject
    HubConfig config;

    /**
     * The client's own tasks (small, non-blocking: the body is discarded) run where they arise, on its selector thread
     * or the sender's, instead of being handed to a pool of its own: that hand-off cost more CPU than the post itself
     * (BENCHMARKS.md, round 18).
     */
    private final HttpClient http = HttpClient.newBuilder()
            .executor(Runnable::run)
            .connectTimeout(java.time.Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Override
    public OutboxChannel channel() {
        return OutboxChannel.PARTNER_WEBHOOK;
    }

    @Override
    public SendResult send(OutboxMessage request) {
        if (request.address() == null || request.address().isBlank()) {
            return SendResult.retry("partner " + request.recipient() + " has no webhook url");
        }
        byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(request.address()))
                .timeout(config.delivery().timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "HotlineHub-Webhook/1")
                .header(EVENT_HEADER, request.topic())
                .header(IDEMPOTENCY_HEADER, request.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (request.secret() != null && !request.secret().isBlank()) {
            post.header(WebhookSignature.HEADER, WebhookSignature.of(request.secret(), body));
        }
        try {
            HttpResponse<Void> response = http.send(post.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status / 100 == 2 ? SendResult.delivered("HTTP " + status) : SendResult.retry("HTTP " + status);
        } catch (IOException e) {
            return SendResult.retry(e.getMessage() == null
                    ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.retry("interrupted");
        } catch (IllegalArgumentException e) {
            return SendResult.retry("bad webhook url: " + e.getMessage());
        }
    }
}
