package org.hotlinehub.connectors.twilio;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * The SDK's HTTP client, sending to {@code hub.twilio.api-base-url} instead of {@code https://api.twilio.com}: the
 * SDK has no base-URL setting, so each request is copied with the rewritten URL (docs/contract.md, "Twilio API base
 * URL").
 */
final class TwilioBaseUrlHttpClient extends NetworkHttpClient {

    static final String TWILIO_API = "https://api.twilio.com";

    private final String baseUrl;

    TwilioBaseUrlHttpClient(String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Override
    public Response makeRequest(Request request) {
        String url = request.getUrl();
        if (baseUrl.equals(TWILIO_API) || !url.startsWith(TWILIO_API)) {
            return super.makeRequest(request);
        }
        Request moved = new Request(request.getMethod(), baseUrl + url.substring(TWILIO_API.length()));
        copy(request.getQueryParams(), moved::addQueryParam);
        copy(request.getPostParams(), moved::addPostParam);
        copy(request.getHeaderParams(), moved::addHeaderParam);
        if (request.getAuthStrategy() != null) {
            moved.setAuth(request.getAuthStrategy());
        } else if (request.getUsername() != null) {
            moved.setAuth(request.getUsername(), request.getPassword());
        }
        if (request.getContentType() != null) {
            moved.setContentType(request.getContentType());
        }
        if (request.getBody() != null) {
            moved.setBody(request.getBody());
        }
        return super.makeRequest(moved);
    }

    private static void copy(Map<String, List<String>> params, BiConsumer<String, String> add) {
        params.forEach((name, values) -> values.forEach(value -> add.accept(name, value)));
    }
}
