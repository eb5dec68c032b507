package org.hotlinehub.connectors.open311;

import java.util.Optional;

import jakarta.ws.rs.core.MediaType;

/** The answer formats of GeoReport v2, chosen by the resource's suffix ({@code services.json}); XML is the default. */
enum Open311Format {

    XML(new MediaType("text", "xml", "utf-8")),
    JSON(new MediaType("application", "json", "utf-8"));

    private final MediaType mediaType;

    Open311Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** @param suffix {@code ".json"}, {@code ".xml"} or empty (XML); anything else is not a format we serve */
    static Optional<Open311Format> ofSuffix(String suffix) {
        if (suffix == null || suffix.isEmpty()) {
            return Optional.of(XML);
        }
        return switch (suffix) {
            case ".xml" -> Optional.of(XML);
            case ".json" -> Optional.of(JSON);
            default -> Optional.empty();
        };
    }

    /** The format of an answer to this request path: an error answers in the format the client asked for. */
    static Open311Format ofPath(String path) {
        return path != null && path.endsWith(".json") ? JSON : XML;
    }
}
