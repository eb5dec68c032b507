package org.hotlinehub.model;

/**
 * One reference-data entry in an administration list.
 *
 * @param key what identifies it in a URL (the code; a resident's record id, so no phone number lands in a URL or log)
 * @param label the code as people see it (a resident's masked phone)
 * @param detail a short summary (type, parent, channel …)
 */
public record ReferenceRow(String key, String label, String name, String detail, boolean active) {
}
