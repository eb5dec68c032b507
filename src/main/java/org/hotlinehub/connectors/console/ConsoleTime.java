package org.hotlinehub.connectors.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/** Times on console pages in the hotline's local time ({@code {entry.at.consoleTime(page.zone)}}). */
@TemplateExtension
public final class ConsoleTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ConsoleTime() {
    }

    static String consoleTime(Instant at, ZoneId zone) {
        return at == null ? "" : FORMAT.withZone(zone).format(at);
    }
}
