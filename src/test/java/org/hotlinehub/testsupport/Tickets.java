package org.hotlinehub.testsupport;

import static io.restassured.RestAssured.given;
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
        var request = given().accept("application/json").contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("description", description).formParam("phone", Reports.uniquePhone());
        if (compound != null) {
            request.formParam("compound", compound);
        }
        if (address != null) {
            request.formParam("address", address);
        }
        String reference = request.post("/report").then().statusCode(202).extract().path("reference");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> sql.count("select count(*) from ticket where reference = ?", reference) == 1);
        return reference;
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
