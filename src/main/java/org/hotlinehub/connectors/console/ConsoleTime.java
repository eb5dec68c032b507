package org.hotlinehub.connectors.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/** Times on console pages in the hotline's local time ({@code {entry.at.consoleTime}}). */
@TemplateExtension
public final class ConsoleTime {

    static final ZoneId HOTLINE_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(HOTLINE_ZONE);

    private ConsoleTime() {
    }

    static String consoleTime(Instant at) {
        return at == null ? "" : FORMAT.format(at);
    }
}
