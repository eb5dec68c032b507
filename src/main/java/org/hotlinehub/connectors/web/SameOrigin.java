package org.hotlinehub.connectors.web;

import java.net.URI;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;

/**
 * The CSRF check of the form: browsers name the site a post comes from ({@code Origin}, {@code Sec-Fetch-Site}); a
 * post from another site is refused. Clients that are not browsers (curl, scripts) send neither header and pass; the
 * signed form token then keeps a double submit one ticket.
 */
final class SameOrigin {

    private SameOrigin() {
    }

    static boolean allows(String origin, String fetchSite, String host, String publicBaseUrl) {
        if ("cross-site".equalsIgnoreCase(fetchSite)) {
            return false;
        }
        if (origin == null || origin.isBlank()) {
            return true;
        }
        String from = authority(origin);
        return from != null && (from.equalsIgnoreCase(host) || from.equalsIgnoreCase(authority(publicBaseUrl)));
    }

    /**
     * The {@code host[:port]} the request was sent to: the Host header over HTTP/1.1, the :authority pseudo-header over
     * HTTP/2 (where browsers send no Host header at all).
     */
    static String host(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        if (authority == null) {
            return request.getHeader(HttpHeaders.HOST);
        }
        return authority.port() < 0 ? authority.host() : authority.host() + ":" + authority.port();
    }

    /** {@code host[:port]} of a URL; null for "null" origins (sandboxed frames, file pages) and garbage. */
    private static String authority(String url) {
        try {
            return URI.create(url.strip()).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
