package org.hotlinehub.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

/** Tickets for casework tests: filed through the web form (JSON answer) and waited for, as intake makes them. */
public final class Tickets {

    private Tickets() {
    }

    /** A ticket that intake dispatches (a compound with a partner, a description the catalog knows). */
    public static String dispatched(Sql sql, String description, String compound) {
        String reference = file(sql, description, compound, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("select count(*) from assignment a join ticket t"
                + " on t.id = a.ticket_id where t.reference = ?", reference) >= 1);
        return reference;
    }

    /** A ticket intake cannot locate: it waits in triage. */
    public static String inTriage(Sql sql, String description) {
        String reference = file(sql, description, null, "某个不知道的地方 " + System.nanoTime());
        await().atMost(Duration.ofSeconds(20)).until(() -> "TRIAGE".equals(status(sql, reference)));
        return reference;
    }

    public static String file(Sql sql, String description, String compound, String address) {
        String reference = Reports.fileJson(null, description, Reports.uniquePhone(), compound, address);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> sql.count("select count(*) from ticket where reference = ?", reference) == 1);
        return reference;
    }

    /** The id of the ticket's newest assignment of {@code partner}. */
    public static long assignment(Sql sql, String reference, String partner) {
        return ((Number) sql.one("select max(a.id) from assignment a join ticket t on t.id = a.ticket_id"
                + " join partner p on p.id = a.partner_id where t.reference = ? and p.code = ?", reference, partner))
                .longValue();
    }

    /** The partner accepts its offer and returns it (退单) through the partner API: it waits for the hub's ruling. */
    public static void returned(long assignment, String partner) {
        Sessions.partnerJson(partner).post("/partner-api/v1/assignments/" + assignment + "/accept").then()
                .statusCode(200);
        Sessions.partnerJson(partner).body("{\"reason\":\"not-our-duty\",\"note\":\"不归我们管\"}")
                .post("/partner-api/v1/assignments/" + assignment + "/return").then().statusCode(200);
    }

    /**
     * The assignment resolved, the resident dissatisfied at the call-back and the partner's appeal pending, written
     * as the survey flow leaves them (that flow is tested in SurveyFlowTest); answers the appeal's id.
     */
    public static long appealPending(Sql sql, long assignment, String partner, String reason) {
        sql.update("update assignment set state = 'RESOLVED', resolved_at = now() where id = ?", assignment);
        sql.update("update ticket set status = 'CLOSED', survey_outcome = 'DISSATISFIED' where id ="
                + " (select ticket_id from assignment where id = ?)", assignment);
        long answer = ((Number) sql.one("insert into survey_answer (ticket_id, assignment_id, outcome, channel,"
                + " asked_at, answered_at) select ticket_id, id, 'DISSATISFIED', 'SMS', now(), now() from assignment"
                + " where id = ? returning id", assignment)).longValue();
        return ((Number) sql.one("insert into survey_appeal (survey_answer_id, ticket_id, assignment_id, partner_code,"
                + " reason, status, filed_at) select ?, ticket_id, id, ?, ?, 'PENDING', now() from assignment"
                + " where id = ? returning id", answer, partner, reason, assignment)).longValue();
    }

    /** The staff member's audit entries of {@code action} on the ticket, their details oldest first. */
    public static java.util.List<Object> auditDetails(Sql sql, String actor, String action, String reference) {
        return sql.column("select detail from audit_log where actor = ? and action = ? and target_type = 'ticket'"
                + " and target = ? order by id", actor, action, reference);
    }

    public static String status(Sql sql, String reference) {
        return (String) sql.one("select status from ticket where reference = ?", reference);
    }

    public static long audits(Sql sql, String action, String reference) {
        return sql.count("select count(*) from audit_log where actor = 'operator' and action = ? and target = ?",
                action, reference);
    }

    public static long timeline(Sql sql, String reference, String kind, String actor) {
        return sql.count("select count(*) from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind = ? and e.actor = ?", reference, kind, actor);
    }
}
