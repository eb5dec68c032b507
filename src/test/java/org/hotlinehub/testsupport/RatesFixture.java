package org.hotlinehub.testsupport;

/**
 * A hand-counted fixture for the rates (RatesFixtureTest, ReportChartsBrowserTest): eight tickets filed 3–14 March
 * 2025 (hotline time) in two fixture communities, handled by three fixture partners, with known outcomes; one more on
 * 20 March outside the period. Nothing else in the test run is filed in March 2025, so a period filter isolates it.
 *
 * <pre>
 * T1 03-03 web  property-repair A  PF-1 accepted in time, resolved        → closed satisfied
 * T2 03-04 sms  property-repair A  PF-1 accepted late, resolved           → closed dissatisfied
 * T3 03-05 web  property-repair A  PF-1 expired; RC-1 in time, overdue    → in progress past resolve-by
 * T4 03-10 sms  general-repairs B  SP-1 in time → not solved; SP-1 again  → closed basically satisfied
 * T5 03-11 web  general-repairs B  SP-1 in time, resolved                 → closed, no reply
 * T6 03-12 web  property-repair B  RC-1 in time, resolved                 → closed dissatisfied, appeal upheld
 * T7 03-13 web  property-repair A  PF-1 declined; RC-1 offer still open   → dispatched
 * T8 03-14 web  property-repair A  PF-1 withdrawn unanswered; RC-1 in time → closed satisfied
 * T9 03-20 web  property-repair A  PF-1 in time                           → closed satisfied (outside the period)
 * </pre>
 */
public final class RatesFixture {

    public static final String FROM = "2025-03-03";
    public static final String TO = "2025-03-16";

    private RatesFixture() {
    }

    public static synchronized void load(Sql sql) {
        if (sql.count("select count(*) from ticket where reference = '990000001'") > 0) {
            return;
        }
        long t1 = ticket(sql, "990000001", "03-03 10:00", "WEB", "property-repair", "FX-COURT-A1", "CLOSED",
                "SATISFIED", false, "楼道漏水, 墙上有\"水渍\"\n第二行");
        resolved(sql, t1, "FX-PF-1", "03-03 10:00", "03-03 10:30", "03-03 10:10", "03-05 10:00", "03-04 09:00",
                "SATISFIED", "03-04 12:00", false);

        long t2 = ticket(sql, "990000002", "03-04 09:00", "SMS", "property-repair", "FX-COURT-A1", "CLOSED",
                "DISSATISFIED", false, "=HYPERLINK(\"http://evil.example\")");
        resolved(sql, t2, "FX-PF-1", "03-04 09:00", "03-04 09:30", "03-04 09:45", "03-06 09:00", "03-05 09:00",
                "DISSATISFIED", "03-05 12:00", false);

        long t3 = ticket(sql, "990000003", "03-05 08:00", "WEB", "property-repair", "FX-COURT-A1", "IN_PROGRESS",
                null, false, "电梯停运");
        assignment(sql, t3, "FX-PF-1", "EXPIRED", "03-05 08:00", "03-05 08:30", null, "03-07 08:00", null, false);
        assignment(sql, t3, "FX-RC-1", "IN_PROGRESS", "03-05 08:31", "03-05 09:01", "03-05 08:50", "03-06 08:31",
                null, true);

        long t4 = ticket(sql, "990000004", "03-10 10:00", "SMS", "general-repairs", "FX-COURT-B1", "CLOSED",
                "BASICALLY_SATISFIED", false, "水龙头漏水");
        resolved(sql, t4, "FX-SP-1", "03-10 10:00", "03-10 11:00", "03-10 10:20", "03-12 10:00", "03-10 15:00",
                "NOT_SOLVED", "03-10 18:00", false);
        resolved(sql, t4, "FX-SP-1", "03-11 09:00", "03-11 10:00", "03-11 09:10", "03-13 09:00", "03-11 12:00",
                "BASICALLY_SATISFIED", "03-11 18:00", false);

        long t5 = ticket(sql, "990000005", "03-11 10:00", "WEB", "general-repairs", "FX-COURT-B1", "CLOSED",
                "NO_REPLY", false, "换灯泡");
        resolved(sql, t5, "FX-SP-1", "03-11 10:00", "03-11 11:00", "03-11 10:05", "03-13 10:00", "03-11 16:00",
                "NO_REPLY", "03-14 16:00", false);

        long t6 = ticket(sql, "990000006", "03-12 10:00", "WEB", "property-repair", "FX-COURT-B1", "CLOSED",
                "DISSATISFIED", true, "绿化带杂草");
        resolved(sql, t6, "FX-RC-1", "03-12 10:00", "03-12 10:30", "03-12 10:05", "03-14 10:00", "03-12 18:00",
                "DISSATISFIED", "03-13 09:00", true);

        long t7 = ticket(sql, "990000007", "03-13 10:00", "WEB", "property-repair", "FX-COURT-A1", "DISPATCHED",
                null, false, "路灯不亮");
        assignment(sql, t7, "FX-PF-1", "DECLINED", "03-13 10:00", "03-13 10:30", null, "03-15 10:00", null, false);
        assignment(sql, t7, "FX-RC-1", "OFFERED", "03-13 10:20", "2099-01-01 00:00", null, "2099-01-02 00:00", null,
                false);

        long t8 = ticket(sql, "990000008", "03-14 10:00", "WEB", "property-repair", "FX-COURT-A1", "CLOSED",
                "SATISFIED", false, "垃圾未清运");
        assignment(sql, t8, "FX-PF-1", "CANCELLED", "03-14 10:00", "03-14 10:30", null, "03-16 10:00", null, false);
        resolved(sql, t8, "FX-RC-1", "03-14 10:10", "03-14 10:40", "03-14 10:20", "03-16 10:10", "03-15 10:00",
                "SATISFIED", "03-15 12:00", false);

        long t9 = ticket(sql, "990000009", "03-20 10:00", "WEB", "property-repair", "FX-COURT-A1", "CLOSED",
                "SATISFIED", false, "期外工单");
        resolved(sql, t9, "FX-PF-1", "03-20 10:00", "03-20 10:30", "03-20 10:01", "03-22 10:00", "03-21 10:00",
                "SATISFIED", "03-21 12:00", false);
    }

    /** "03-05 08:00" is March 2025 in hotline time; a value with a year is taken as it is. */
    static String at(String value) {
        if (value == null) {
            return null;
        }
        return (value.startsWith("20") ? value : "2025-" + value) + ":00+08:00";
    }

    private static long ticket(Sql sql, String reference, String created, String channel, String category,
            String place, String status, String outcome, boolean excluded, String description) {
        String result = outcome == null || outcome.startsWith("NO_") ? null : outcome;
        return ((Number) sql.one("insert into ticket (reference, channel, category_id, description, place_id,"
                + " priority, status, created_at, updated_at, survey_outcome, survey_excluded, survey_result)"
                + " values (?, ?, (select id from catalog_entry where code = ?), ?, (select id from place where code"
                + " = ?), 'normal', ?, ?::timestamptz, ?::timestamptz, ?, ?, ?) returning id", reference, channel,
                category, description, place, status, at(created), at(created), outcome, excluded, result))
                .longValue();
    }

    private static long assignment(Sql sql, long ticket, String partner, String state, String offered,
            String acceptBy, String accepted, String resolveBy, String resolved, boolean overdue) {
        return ((Number) sql.one("insert into assignment (ticket_id, partner_id, role, state, reason, offered_at,"
                + " accept_by, accepted_at, resolve_by, resolved_at, overdue_at, accept_warn_at, resolve_warn_at,"
                + " accept_warned_at, resolve_warned_at)"
                + " values (?, (select id from partner where code = ?), 'lead', ?, 'fixture', ?::timestamptz,"
                + " ?::timestamptz, ?::timestamptz, ?::timestamptz, ?::timestamptz, ?::timestamptz, ?::timestamptz,"
                + " ?::timestamptz, ?::timestamptz, ?::timestamptz) returning id", ticket, partner, state,
                at(offered), at(acceptBy), at(accepted), at(resolveBy), at(resolved),
                overdue ? at(resolveBy) : null, at(offered), at(offered), at(offered), at(offered))).longValue();
    }

    /** An assignment its holder resolved before resolve-by, and the resident's survey answer about it. */
    private static void resolved(Sql sql, long ticket, String partner, String offered, String acceptBy,
            String accepted, String resolveBy, String resolved, String outcome, String answered, boolean excluded) {
        long assignment = assignment(sql, ticket, partner, "RESOLVED", offered, acceptBy, accepted, resolveBy,
                resolved, false);
        sql.update("insert into survey_answer (ticket_id, assignment_id, outcome, asked_at, answered_at, excluded)"
                + " values (?, ?, ?, ?::timestamptz, ?::timestamptz, ?)", ticket, assignment, outcome, at(answered),
                at(answered), excluded);
    }
}
