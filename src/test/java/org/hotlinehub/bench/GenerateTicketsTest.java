package org.hotlinehub.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hotlinehub.model.TicketReference;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * bench/generate-tickets.sh's generator (issue 23) on the test database, twice, with its tickets dated two decades
 * back so no other test meets them: every ticket is whole (a valid reference, its contact, a timeline of about 8
 * events, one lead assignment once dispatched, a close time once closed, survey answers), and the second run goes on
 * after the first.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class GenerateTicketsTest {

    static final int COUNT = 1500;
    static final String GENERATED = "length(t.reference) = 11 and t.reference >= '5000000000'";

    @Inject
    Sql sql;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    void generate() throws Exception {
        String driver = Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", driver, "bench/GenerateTickets.java", "--jdbc-url", url, "--user",
                user, "--password", "", "--count", String.valueOf(COUNT), "--years", "2", "--end", "2005-01-01",
                "--compounds-per-grid", "0", "--keep-indexes").redirectErrorStream(true)
                .redirectOutput(new File("target/generate-tickets-test.log")).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the generator finished in time");
        assertEquals(0, p.exitValue(), Files.readString(Path.of("target/generate-tickets-test.log"),
                StandardCharsets.UTF_8));
    }

    long count(String where) {
        return sql.count("select count(*) from ticket t where " + GENERATED + " and " + where);
    }

    @Test
    void generatedTicketsAreWholeAndASecondRunGoesOn() throws Exception {
        long before = count("true");
        generate();
        generate();
        assertEquals(before + 2 * COUNT, count("true"));

        List<Object> references = sql.column("select t.reference from ticket t where " + GENERATED);
        assertEquals(references.size(), references.stream().distinct().count());
        assertTrue(references.stream().allMatch(r -> TicketReference.isValid((String) r)), "Luhn check digits");
        assertEquals(0, count("(t.created_at < '2003-01-01' or t.created_at > '2005-01-01')"), "inside the years");
        // filed in time order, as a hub files them (a month's tickets lie together): each run's days follow its ids,
        // so going by id the day goes back once, where the second run begins
        assertEquals(1L, sql.count("select count(*) from (select t.created_at < date_trunc('day', lag(t.created_at)"
                + " over (order by t.id), 'Asia/Shanghai') as back from ticket t where " + GENERATED + ") d"
                + " where d.back"));
        assertEquals(0, count("t.status in ('TRIAGE', 'RECEIVED', 'DISPATCHED', 'REOPENED') and t.queue_rank is"
                + " distinct from queue_rank(t.priority, (select r.flags from resident r where r.id = t.resident_id))"),
                "the waiting tickets' queue rank");
        assertEquals(0, count("not exists (select 1 from inbound_contact c where c.ticket_id = t.id)"));

        double events = ((Number) sql.one("select count(*)::float / count(distinct t.id) from ticket t join"
                + " timeline_event e on e.ticket_id = t.id where " + GENERATED)).doubleValue();
        assertTrue(events > 6 && events < 10, "timeline events per ticket: " + events);
        assertEquals(0, count("t.status not in ('RECEIVED', 'TRIAGE', 'MERGED') and (select count(*) from assignment a"
                + " where a.ticket_id = t.id and a.role = 'lead' and a.state <> 'EXPIRED') <> 1"),
                "one lead assignment for every dispatched ticket");
        assertEquals(0, count("t.status in ('CLOSED', 'CANCELLED', 'MERGED') and (t.closed_at is null or t.closed_at"
                + " < t.created_at)"));
        assertEquals(0, count("t.status not in ('CLOSED', 'CANCELLED', 'MERGED') and t.closed_at is not null"));
        long closed = count("t.status = 'CLOSED'");
        long surveyed = count("t.status = 'CLOSED' and exists (select 1 from survey_answer s where s.ticket_id = t.id"
                + " and s.outcome = t.survey_outcome)");
        assertTrue(closed > COUNT && surveyed > closed / 2 && surveyed < closed, surveyed + " of " + closed);
        assertTrue(count("t.status in ('DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED')") > 0,
                "the last weeks hold open tickets");
        assertTrue(
                count("exists (select 1 from resident r where r.id = t.resident_id and 'elderly' = any(r.flags))") > 0,
                "some reporters are registered elderly residents");
    }
}
