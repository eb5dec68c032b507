package org.hotlinehub.model;

/** A stored file of a ticket (a photo, a recording) as a download hands it out: its bytes and their type. */
public record EvidenceFile(long id, String filename, String contentType, byte[] data) {

    public boolean image() {
        return contentType != null && contentType.startsWith("image/");
    }

    @Override
    public String toString() {
        return "evidence file " + id + " (" + contentType + ", " + (data == null ? 0 : data.length) + " bytes)";
    }
}
