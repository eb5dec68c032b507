package org.hotlinehub.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A stored file of a ticket (a photo, a recording) as a download hands it out: its bytes and their type. */
public record EvidenceFile(long id, String filename, String contentType, byte[] data) {

    /** The {@code size} a download asks for: absent or {@code full} the file itself, {@code thumbnail} a small one. */
    public static boolean thumbnail(String size) {
        if (size == null || size.isBlank() || size.equals("full")) {
            return false;
        }
        if (size.equals("thumbnail")) {
            return true;
        }
        throw new IllegalArgumentException("size must be full or thumbnail");
    }

    /**
     * The headers every download carries: its type, shown inline (never run: a sandbox policy and no sniffing), and
     * kept only in the signed-in browser's own cache, briefly.
     */
    public Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", contentType == null ? "application/octet-stream" : contentType);
        h.put("Content-Disposition", "inline; filename=\"evidence-" + id + "\"");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Content-Security-Policy", "sandbox; default-src 'none'");
        h.put("Cache-Control", "private, max-age=300");
        return h;
    }

    /** This file as the answer to a download, with {@link #headers()}. */
    public Response response() {
        Response.ResponseBuilder response = Response.ok(data);
        headers().forEach(response::header);
        return response.build();
    }

    /**
     * The answer to a download page's request (console, portal): the file; 400 naming {@code size} when it is neither
     * {@code full} nor {@code thumbnail}; 404 when the caller may not have it (it does not exist for them).
     *
     * @param find the file for "thumbnail wanted", if the caller may have it
     */
    public static Response download(String size, Function<Boolean, Optional<EvidenceFile>> find) {
        boolean small;
        try {
            small = thumbnail(size);
        } catch (IllegalArgumentException e) {
            return Response.status(400).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(e.getMessage())
                    .build();
        }
        return find.apply(small).map(EvidenceFile::response).orElseGet(() -> Response.status(404)
                .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity("no such file").build());
    }

    public boolean image() {
        return contentType != null && contentType.startsWith("image/");
    }

    @Override
    public String toString() {
        return "evidence file " + id + " (" + contentType + ", " + (data == null ? 0 : data.length) + " bytes)";
    }
}
