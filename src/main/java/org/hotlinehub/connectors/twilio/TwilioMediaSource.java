package org.hotlinehub.connectors.twilio;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.port.MediaSource;

/**
 * Fetches voicemail recordings and MMS pictures from Twilio with the account's credentials (HTTP Basic, account SID
 * and auth token). Only a URL of this account's resources at {@code https://api.twilio.com} (or at
 * {@code hub.twilio.api-base-url} itself) is fetched, and always through {@code hub.twilio.api-base-url}, so the
 * credentials never go anywhere else and a test's WireMock serves the files. Any other URL is not Twilio's (WeChat
 * and Open311 media stay links). A 404 is worth another try: Twilio may answer the recording's callback before the
 * file is there.
 */
@ApplicationScoped
public class TwilioMediaSource implements MediaSource {

    @Inject
    HubConfig config;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    public Fetched fetch(String url) {
        var twilio = config.twilio();
        Optional<String> path = accountPath(url);
        if (path.isEmpty()) {
            return Fetched.notOurs();
        }
        if (twilio.accountSid().isEmpty() || twilio.authToken().isEmpty()) {
            return Fetched.failed("sandbox mode: no Twilio credentials to fetch it with");
        }
        String credentials = twilio.accountSid().get() + ":" + twilio.authToken().get();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path.get()))
                .timeout(config.delivery().timeout())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status == 200) {
                    long max = config.evidence().maxBytes();
                    byte[] data = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
                    if (data.length > max) {
                        return Fetched.failed("larger than hub.evidence.max-bytes (" + max + ")");
                    }
                    return Fetched.stored(data, response.headers().firstValue("Content-Type")
                            .map(t -> t.split(";")[0].strip()).filter(t -> t.contains("/"))
                            .filter(t -> !t.equals("application/octet-stream")).orElse(null));
                }
                if (status == 404 || status == 408 || status == 429 || status >= 500 || status == 401
                        || status == 403) {
                    // not there yet, busy, or credentials being rotated: all may pass
                    return Fetched.retry("Twilio answered " + status);
                }
                return Fetched.failed("Twilio answered " + status);
            }
        } catch (IOException e) {
            return Fetched.retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Fetched.retry("interrupted");
        }
    }

    /** The path of a URL of this account's resources at Twilio (or at the configured base), else empty. */
    Optional<String> accountPath(String url) {
        if (url == null || config.twilio().accountSid().isEmpty()) {
            return Optional.empty();
        }
        String path = null;
        for (String origin : new String[]{TwilioBaseUrlHttpClient.TWILIO_API, base()}) {
            if (url.startsWith(origin + "/")) {
                path = url.substring(origin.length());
                break;
            }
        }
        String account = "/2010-04-01/Accounts/" + config.twilio().accountSid().get() + "/";
        if (path == null || !path.startsWith(account) || path.contains("..") || path.contains("?")
                || path.contains("#")) {
            return Optional.empty();
        }
        return Optional.of(path);
    }

    private String base() {
        return config.twilio().apiBaseUrl().replaceAll("/+$", "");
    }
}
