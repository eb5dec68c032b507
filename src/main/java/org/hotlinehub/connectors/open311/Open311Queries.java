package org.hotlinehub.connectors.open311;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hotlinehub.model.Periods;
import org.hotlinehub.model.ServiceRequestQuery;

/** The filters of GET requests, read by the spec's rules; a bad one is a 400 naming it. */
final class Open311Queries {

    private Open311Queries() {
    }

    static ServiceRequestQuery of(String ids, String codes, String startDate, String endDate, String status,
            Instant now) {
        List<String> problems = new ArrayList<>();
        Instant start = date("start_date", startDate, problems);
        Instant end = date("end_date", endDate, problems);
        Optional<Boolean> open = status(status, problems);
        if (start != null && end != null && end.isBefore(start)) {
            problems.add("end_date is before start_date");
        } else if (start != null && end != null && start.plus(Open311Resource.WINDOW).isBefore(end)) {
            problems.add("start_date and end_date may not span more than 90 days");
        }
        if (!problems.isEmpty()) {
            throw new Open311Exception(400, problems.stream().map(p -> new Open311Exception.Error("400", p)).toList());
        }
        // The default window is the most recent 90 days; a date given alone anchors a 90-day window.
        if (start == null && end == null) {
            end = now;
            start = now.minus(Open311Resource.WINDOW);
        } else if (start == null) {
            start = end.minus(Open311Resource.WINDOW);
        } else if (end == null) {
            end = start.plus(Open311Resource.WINDOW);
        }
        return new ServiceRequestQuery(list(ids), list(codes), start, end, open, Open311Resource.LIMIT, false);
    }

    private static Instant date(String field, String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            OffsetDateTime at = OffsetDateTime.parse(value.strip());
            Periods.inRange(at.getYear(), value, field);
            return at.toInstant();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        } catch (DateTimeParseException e) {
            problems.add(field + " '" + value + "' is not a w3 date-time with a time zone, e.g. 2010-01-01T00:00:00Z");
            return null;
        }
    }

    private static Optional<Boolean> status(String value, List<String> problems) {
        List<String> wanted = list(value);
        Set<String> known = Set.of("open", "closed");
        wanted.stream().filter(s -> !known.contains(s))
                .forEach(s -> problems.add("status '" + s + "' is not one of open, closed"));
        if (wanted.isEmpty() || (wanted.contains("open") && wanted.contains("closed"))) {
            return Optional.empty();
        }
        return Optional.of(wanted.contains("open"));
    }

    private static List<String> list(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct()
                .toList();
    }
}
