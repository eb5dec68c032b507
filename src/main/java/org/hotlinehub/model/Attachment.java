package org.hotlinehub.model;

/**
 * A file that came with a contact: either its bytes (base64, for uploads) or a URL where the channel keeps it (MMS,
 * recordings).
 */
public record Attachment(String filename, String contentType, long sizeBytes, String base64Data, String url) {
}
