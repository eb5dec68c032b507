package org.hotlinehub.incident;

import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.hotlinehub.connectors.wechat.Pushes;
import org.hotlinehub.testsupport.Sessions;
import org.hotlinehub.testsupport.Sql;

/** What the tests of an incident's reporters do and read alike: an incident and its reporters, in a few steps. */
final class Reporters {

    static final Duration WAIT = Duration.ofSeconds(30);

    private Reporters() {
    }

    /** A web report with a phone at the compound, once dispatched (its offer out): the incident's own ticket. */
    static String dispatchedIncident(Sql sql, String compound, String words) {
        String incident = IncidentTest.form(compound, words);
        await().atMost(WAIT).until(() -> is(sql, incident, "DISPATCHED"));
        return incident;
    }

    /** The follower's report by WeChat, once it joined an incident; its reference. */
    static String wechatReporter(Sql sql, String openid, String words) {
        String reference = Pushes.referenceIn(Pushes.content(Pushes.post(Pushes.text(openid, Pushes.msgId(),
                words))));
        await().atMost(WAIT).until(() -> is(sql, reference, "MERGED"));
        return reference;
    }

    /** The follower's last push three days ago: WeChat would refuse them a customer-service message. */
    static void windowClosed(Sql sql, Clock clock, String openid) {
        sql.update("update wechat_follower set last_interaction_at = ? where openid = ?",
                Timestamp.from(clock.instant().minus(Duration.ofDays(3))), openid);
    }

    /** An incident with a WeChat reporter whose 48-hour window has closed. */
    record QuietFollower(String incident, String openid, String wechat) {
    }

    /**
     * A water outage at the compound ({@code name} its Chinese name), reported on the web and then by a WeChat follower
     * whose last push is three days old by the time the incident's offer is accepted (by PF-REPORTERS).
     */
    static QuietFollower acceptedWithQuietFollower(Sql sql, Clock clock, String compound, String name) {
        String incident = dispatchedIncident(sql, compound, name + "停水了，整个小区都没有水");
        String openid = Pushes.openid();
        String wechat = wechatReporter(sql, openid, name + "停水了，小区都没有水");
        windowClosed(sql, clock, openid);
        Sessions.partnerJson("PF-REPORTERS").post("/partner-api/v1/assignments/" + lead(sql, incident) + "/accept")
                .then().statusCode(200);
        return new QuietFollower(incident, openid, wechat);
    }

    /** Whether the ticket is there and in this status (intake may not have made it yet). */
    static boolean is(Sql sql, String reference, String status) {
        return sql.count("select count(*) from ticket where reference = ? and status = ?", reference, status) == 1;
    }

    static long lead(Sql sql, String reference) {
        return ((Number) sql.one("select a.id from assignment a join ticket t on t.id = a.ticket_id"
                + " where t.reference = ? and a.role = 'lead'", reference)).longValue();
    }

    /** The phone of the ticket's resident. */
    static String phoneOf(Sql sql, String reference) {
        return (String) sql.one("select r.phone from ticket t join resident r on r.id = t.resident_id"
                + " where t.reference = ?", reference);
    }
}
