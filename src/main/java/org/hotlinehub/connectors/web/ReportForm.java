package org.hotlinehub.connectors.web;

/** What a resident typed into the report form, kept to re-render it with field messages. */
public record ReportForm(String category, String description, String name, String phone, String compound,
        String address) {

    static ReportForm empty() {
        return new ReportForm(null, null, null, null, null, null);
    }
}
