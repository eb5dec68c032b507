package org.hotlinehub.connectors.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Writes a CSV file the way spreadsheet programs read it: UTF-8 with a byte-order mark (Excel then shows Chinese
 * right), CRLF line ends, fields quoted by Jackson's CSV writer where RFC 4180 needs it (comma, quote, line break).
 * Text that a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading apostrophe, so an
 * exported description can never execute (CSV injection).
 */
final class CsvTable implements AutoCloseable {

    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withLineSeparator("\r\n");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Writer writer;
    private final SequenceWriter rows;
    private final DateTimeFormatter time;

    /** @param zone the hotline's zone, in which times are written */
    CsvTable(OutputStream out, List<String> header, ZoneId zone) throws IOException {
        time = TIME.withZone(zone);
        out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        rows = CSV.writerFor(String[].class).with(SCHEMA).writeValues(writer);
        rows.write(header.toArray(String[]::new));
    }

    /** Numbers, times and codes as they are; {@link #text} for free text. */
    void row(Object... cells) throws IOException {
        String[] values = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            Object cell = cells[i];
            values[i] = cell == null ? "" : cell instanceof Instant at ? time.format(at) : cell.toString();
        }
        rows.write(values);
    }

    /** Free text (descriptions, names, addresses), defused against formula execution. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }

    @Override
    public void close() throws IOException {
        rows.close();
        writer.flush();
    }
}
