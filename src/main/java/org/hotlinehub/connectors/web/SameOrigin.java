package org.hotlinehub.connectors.web;

import java.net.URI;

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

    /** {@code host[:port]} of a URL; null for "null" origins (sandboxed frames, file pages) and garbage. */
    private static String authority(String url) {
        try {
            return URI.create(url.strip()).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
