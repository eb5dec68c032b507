-- The three rates pre-aggregated (issue 23, target P5; docs/architecture.md, "The three rates").
--
-- rate_fact(lo, hi) is the one home of the rules: one row per assignment (response), per ticket not cancelled or merged
-- (resolution, with its current lead) and per survey answer (satisfaction), each with the instant that puts it in a
-- period and its counts. What depends on "now" (an offer still inside its accept window, an open ticket before its
-- lead's resolve-by) is not a flag but the instant from which the row counts (offered_from, judged_from): NULL never,
-- '-infinity' always. The live rate query and the aggregates both read it, so they cannot disagree. A function of
-- the period rather than a view: inlined, its bounds reach each branch's own index (a view's branches were not
-- given a lateral join's bounds, and the whole view was built for every day counted).
CREATE FUNCTION rate_fact(lo timestamptz, hi timestamptz)
    RETURNS TABLE (kind text, at timestamptz, partner_id bigint, volunteer_id bigint, place_id bigint,
                   category_id bigint, channel text, offered_from timestamptz, in_time int, overdue int, tickets int,
                   judged_from timestamptz, solved int, answers int, satisfied int, basically int, dissatisfied int,
                   not_solved int, no_reply int, not_asked int, excluded int)
    LANGUAGE sql STABLE AS $$
SELECT 'R'::text AS kind, a.offered_at AS at, a.partner_id, a.volunteer_id, t.place_id, t.category_id, t.channel,
       CASE WHEN a.state = 'CANCELLED' AND a.accepted_at IS NULL THEN NULL
            WHEN a.state = 'OFFERED' THEN CASE WHEN a.paused_at IS NULL THEN a.accept_by END
            ELSE '-infinity'::timestamptz END AS offered_from,
       CASE WHEN a.accepted_at <= a.accept_by THEN 1 ELSE 0 END AS in_time,
       CASE WHEN a.overdue_at IS NOT NULL THEN 1 ELSE 0 END AS overdue,
       0 AS tickets, NULL::timestamptz AS judged_from, 0 AS solved,
       0 AS answers, 0 AS satisfied, 0 AS basically, 0 AS dissatisfied, 0 AS not_solved, 0 AS no_reply,
       0 AS not_asked, 0 AS excluded
FROM assignment a
JOIN ticket t ON t.id = a.ticket_id
WHERE a.offered_at >= lo AND a.offered_at < hi
UNION ALL
SELECT 'T', t.created_at, l.partner_id, l.volunteer_id, t.place_id, t.category_id, t.channel,
       NULL, 0, 0, 1,
       CASE WHEN t.status = 'CLOSED' AND t.survey_outcome IN ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED',
                                                             'NOT_SOLVED') AND NOT t.survey_excluded
                THEN '-infinity'::timestamptz
            WHEN t.status NOT IN ('CLOSED', 'CANCELLED', 'MERGED')
                 AND (l.resolved_at IS NULL OR l.resolved_at > l.resolve_by)
                 AND (l.paused_at IS NULL OR l.resolve_by <= l.paused_at)
                THEN l.resolve_by END,
       CASE WHEN t.status = 'CLOSED' AND NOT t.survey_excluded
                 AND t.survey_outcome IN ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED') THEN 1 ELSE 0 END,
       0, 0, 0, 0, 0, 0, 0, 0
FROM ticket t
LEFT JOIN LATERAL (SELECT la.partner_id, la.volunteer_id, la.resolve_by, la.resolved_at, la.paused_at
                     FROM assignment la WHERE la.ticket_id = t.id AND la.role = 'lead'
                    ORDER BY la.id DESC LIMIT 1) l ON true
WHERE t.created_at >= lo AND t.created_at < hi AND t.status NOT IN ('CANCELLED', 'MERGED')
UNION ALL
SELECT 'S', t.created_at, a.partner_id, a.volunteer_id, t.place_id, t.category_id, t.channel,
       NULL, 0, 0, 0, NULL, 0,
       CASE WHEN NOT s.excluded AND s.outcome IN ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'NOT_SOLVED')
            THEN 1 ELSE 0 END,
       CASE WHEN NOT s.excluded AND s.outcome = 'SATISFIED' THEN 1 ELSE 0 END,
       CASE WHEN NOT s.excluded AND s.outcome = 'BASICALLY_SATISFIED' THEN 1 ELSE 0 END,
       CASE WHEN NOT s.excluded AND s.outcome = 'DISSATISFIED' THEN 1 ELSE 0 END,
       CASE WHEN NOT s.excluded AND s.outcome = 'NOT_SOLVED' THEN 1 ELSE 0 END,
       CASE WHEN s.outcome = 'NO_REPLY' THEN 1 ELSE 0 END,
       CASE WHEN s.outcome = 'NOT_ASKED' THEN 1 ELSE 0 END,
       CASE WHEN s.excluded THEN 1 ELSE 0 END
FROM survey_answer s
JOIN ticket t ON t.id = s.ticket_id
LEFT JOIN assignment a ON a.id = s.assignment_id
WHERE t.created_at >= lo AND t.created_at < hi
$$;

-- The counts per hotline day ('D') and month ('M') by the four things a rate is grouped or filtered by: the
-- assignee, the area (street, community, grid), the category and the channel, at every combination of them (rollup:
-- the GROUPING bits of what a row sums over, 8 assignee, 4 area, 2 category, 1 channel), so a query reads only the
-- rows of the combination it needs. Months are kept for the whole history; days only for the current and the
-- previous hotline month, where changes happen (casework/RateAggregates prunes older days): days for every year came
-- to as many rows as the tickets themselves. present counts the rows a group exists for (an offer still inside its
-- window makes none).
CREATE TABLE rate_agg (
    grain        CHAR(1) NOT NULL,
    period       DATE NOT NULL,
    rollup       SMALLINT NOT NULL,
    partner_id   BIGINT,
    volunteer_id BIGINT,
    street_id    BIGINT,
    community_id BIGINT,
    grid_id      BIGINT,
    category_id  BIGINT,
    channel      TEXT,
    present      INT NOT NULL,
    offered      INT NOT NULL,
    in_time      INT NOT NULL,
    overdue      INT NOT NULL,
    tickets      INT NOT NULL,
    judged       INT NOT NULL,
    solved       INT NOT NULL,
    answers      INT NOT NULL,
    satisfied    INT NOT NULL,
    basically    INT NOT NULL,
    dissatisfied INT NOT NULL,
    not_solved   INT NOT NULL,
    no_reply     INT NOT NULL,
    not_asked    INT NOT NULL,
    excluded     INT NOT NULL
);
-- Counts delete and read a period's rows; queries read a few periods of one rollup.
CREATE INDEX rate_agg_period_idx ON rate_agg (grain, period, rollup);

-- When each day or month in rate_agg was counted, in which zone, and for which "now"s its counts hold: from the last
-- deadline passed before it was counted to the next one after (an offer's accept-by, an open ticket's resolve-by). A
-- month without a row has not been counted yet (the tickets already there when V129 ran, until the job reaches them):
-- the rate queries count it live meanwhile.
CREATE TABLE rate_period (
    grain       CHAR(1) NOT NULL,
    period      DATE NOT NULL,
    zone        TEXT NOT NULL,
    computed_at TIMESTAMPTZ NOT NULL,
    valid_from  TIMESTAMPTZ NOT NULL,
    valid_until TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (grain, period)
);

-- Instants whose days must be counted again, written by the triggers below in the transaction of the change: one
-- row per statement and UTC day touched, never updated, so concurrent writers never wait on each other. The rate
-- query counts the days they cover live until the sweep (casework/RateAggregates) has counted them again and deleted
-- the rows, in one transaction.
CREATE TABLE rate_dirty (
    lo TIMESTAMPTZ NOT NULL,
    hi TIMESTAMPTZ NOT NULL
);

CREATE FUNCTION rate_mark(ats timestamptz[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO rate_dirty (lo, hi)
    SELECT min(x), max(x) FROM unnest(ats) x WHERE x IS NOT NULL GROUP BY date_trunc('day', x AT TIME ZONE 'UTC')
$$;

-- The instants a changed row counts at: an assignment's offer and its ticket's filing; a ticket's filing and, when
-- what places it changed, its assignments' offers; a survey answer's ticket's filing.
CREATE FUNCTION rate_mark_ticket() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM rate_mark(array(SELECT n.created_at FROM new_rows n));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM rate_mark(array(SELECT o.created_at FROM old_rows o));
    ELSE
        PERFORM rate_mark(array(
            SELECT x FROM new_rows n JOIN old_rows o ON o.id = n.id,
                   LATERAL (VALUES (o.created_at), (n.created_at)) v(x)
             WHERE (n.status, n.survey_outcome, n.survey_excluded, n.category_id, n.place_id, n.channel, n.created_at)
                   IS DISTINCT FROM
                   (o.status, o.survey_outcome, o.survey_excluded, o.category_id, o.place_id, o.channel, o.created_at)
            UNION ALL
            SELECT a.offered_at FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN assignment a ON a.ticket_id = n.id
             WHERE (n.category_id, n.place_id, n.channel) IS DISTINCT FROM (o.category_id, o.place_id, o.channel)));
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION rate_mark_assignment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM rate_mark(array(SELECT x FROM new_rows n LEFT JOIN ticket t ON t.id = n.ticket_id,
                                       LATERAL (VALUES (n.offered_at), (t.created_at)) v(x)));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM rate_mark(array(SELECT x FROM old_rows o LEFT JOIN ticket t ON t.id = o.ticket_id,
                                       LATERAL (VALUES (o.offered_at), (t.created_at)) v(x)));
    ELSE
        PERFORM rate_mark(array(
            SELECT x FROM new_rows n JOIN old_rows o ON o.id = n.id
                     LEFT JOIN ticket t ON t.id = n.ticket_id LEFT JOIN ticket ot ON ot.id = o.ticket_id,
                   LATERAL (VALUES (o.offered_at), (n.offered_at), (t.created_at), (ot.created_at)) v(x)
             WHERE (n.ticket_id, n.partner_id, n.volunteer_id, n.role, n.state, n.offered_at, n.accept_by,
                    n.accepted_at, n.overdue_at, n.paused_at, n.resolve_by, n.resolved_at)
                   IS DISTINCT FROM
                   (o.ticket_id, o.partner_id, o.volunteer_id, o.role, o.state, o.offered_at, o.accept_by,
                    o.accepted_at, o.overdue_at, o.paused_at, o.resolve_by, o.resolved_at)));
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION rate_mark_survey_answer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM rate_mark(array(SELECT t.created_at FROM new_rows n JOIN ticket t ON t.id = n.ticket_id));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM rate_mark(array(SELECT t.created_at FROM old_rows o JOIN ticket t ON t.id = o.ticket_id));
    ELSE
        PERFORM rate_mark(array(
            SELECT t.created_at FROM new_rows n JOIN old_rows o ON o.id = n.id,
                   LATERAL (VALUES (n.ticket_id), (o.ticket_id)) v(ticket_id) JOIN ticket t ON t.id = v.ticket_id
             WHERE (n.ticket_id, n.assignment_id, n.outcome, n.excluded)
                   IS DISTINCT FROM (o.ticket_id, o.assignment_id, o.outcome, o.excluded)));
    END IF;
    RETURN NULL;
END $$;

-- A place moved in the tree (or given another type) changes the area of every ticket at it or below it: their days
-- are counted again (rare, an administrator's act).
CREATE FUNCTION rate_mark_place() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM rate_mark(array(
        WITH RECURSIVE moved (id) AS (
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
             WHERE (n.parent_id, n.type) IS DISTINCT FROM (o.parent_id, o.type)
            UNION
            SELECT p.id FROM place p JOIN moved m ON p.parent_id = m.id)
        SELECT t.created_at FROM moved m JOIN ticket t ON t.place_id = m.id
        UNION ALL
        SELECT a.offered_at FROM moved m JOIN ticket t ON t.place_id = m.id JOIN assignment a ON a.ticket_id = t.id));
    RETURN NULL;
END $$;

CREATE TRIGGER rate_mark_ticket_insert AFTER INSERT ON ticket REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION rate_mark_ticket();
CREATE TRIGGER rate_mark_ticket_update AFTER UPDATE ON ticket REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION rate_mark_ticket();
CREATE TRIGGER rate_mark_ticket_delete AFTER DELETE ON ticket REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION rate_mark_ticket();
CREATE TRIGGER rate_mark_assignment_insert AFTER INSERT ON assignment REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION rate_mark_assignment();
CREATE TRIGGER rate_mark_assignment_update AFTER UPDATE ON assignment
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rate_mark_assignment();
CREATE TRIGGER rate_mark_assignment_delete AFTER DELETE ON assignment REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION rate_mark_assignment();
CREATE TRIGGER rate_mark_survey_answer_insert AFTER INSERT ON survey_answer REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION rate_mark_survey_answer();
CREATE TRIGGER rate_mark_survey_answer_update AFTER UPDATE ON survey_answer
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION rate_mark_survey_answer();
CREATE TRIGGER rate_mark_survey_answer_delete AFTER DELETE ON survey_answer REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION rate_mark_survey_answer();
CREATE TRIGGER rate_mark_place_update AFTER UPDATE ON place REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION rate_mark_place();

-- Counts days ('D') or months ('M') again from the rows, as of p_as_of (the hub's clock) in the hotline's zone: their
-- rows in rate_agg at every combination and their validity in rate_period, in the caller's transaction.
CREATE FUNCTION rate_count(p_grain char, p_periods date[], p_zone text, p_as_of timestamptz) RETURNS void
    LANGUAGE sql AS $$
    WITH p AS (
        SELECT d AS period, d::timestamp AT TIME ZONE p_zone AS lo,
               (d + CASE WHEN p_grain = 'D' THEN interval '1 day' ELSE interval '1 month' END)::timestamp
                   AT TIME ZONE p_zone AS hi
          FROM unnest(p_periods) d),
    f AS MATERIALIZED (
        SELECT p.period, x.*, pa.street_id, pa.community_id, pa.grid_id
          FROM p
         CROSS JOIN LATERAL rate_fact(p.lo, p.hi) x
          LEFT JOIN place_area pa ON pa.place_id = x.place_id),
    gone AS (DELETE FROM rate_agg WHERE grain = p_grain AND period = ANY (p_periods)),
    counted AS (
        INSERT INTO rate_agg
        SELECT p_grain, f.period, GROUPING(f.partner_id, f.street_id, f.category_id, f.channel),
               f.partner_id, f.volunteer_id, f.street_id, f.community_id, f.grid_id, f.category_id, f.channel,
               count(*) FILTER (WHERE f.kind <> 'R' OR f.offered_from <= p_as_of),
               count(*) FILTER (WHERE f.offered_from <= p_as_of),
               count(*) FILTER (WHERE f.offered_from <= p_as_of AND f.in_time = 1),
               count(*) FILTER (WHERE f.offered_from <= p_as_of AND f.overdue = 1),
               sum(f.tickets), count(*) FILTER (WHERE f.judged_from <= p_as_of), sum(f.solved),
               sum(f.answers), sum(f.satisfied), sum(f.basically), sum(f.dissatisfied), sum(f.not_solved),
               sum(f.no_reply), sum(f.not_asked), sum(f.excluded)
          FROM f
         GROUP BY f.period, CUBE ((f.partner_id, f.volunteer_id), (f.street_id, f.community_id, f.grid_id),
                                  f.category_id, f.channel))
    INSERT INTO rate_period (grain, period, zone, computed_at, valid_from, valid_until)
    SELECT p_grain, p.period, p_zone, p_as_of,
           coalesce(max(x.at) FILTER (WHERE x.at <= p_as_of), '-infinity'),
           coalesce(min(x.at) FILTER (WHERE x.at > p_as_of), 'infinity')
      FROM p
      LEFT JOIN (SELECT f.period, f.offered_from AS at FROM f WHERE f.offered_from > '-infinity'
                 UNION ALL SELECT f.period, f.judged_from FROM f WHERE f.judged_from > '-infinity') x
             ON x.period = p.period
     GROUP BY p.period
    ON CONFLICT (grain, period) DO UPDATE SET zone = excluded.zone, computed_at = excluded.computed_at,
        valid_from = excluded.valid_from, valid_until = excluded.valid_until;
$$;

-- Months from their days' rows (every day of each month must have been counted): the sums per combination, and the
-- narrowest validity of the days.
CREATE FUNCTION rate_sum_months(p_months date[], p_as_of timestamptz) RETURNS void LANGUAGE sql AS $$
    DELETE FROM rate_agg WHERE grain = 'M' AND period = ANY (p_months);

    INSERT INTO rate_agg
    SELECT 'M', m.month, g.rollup, g.partner_id, g.volunteer_id, g.street_id, g.community_id, g.grid_id,
           g.category_id, g.channel, sum(g.present), sum(g.offered), sum(g.in_time), sum(g.overdue), sum(g.tickets),
           sum(g.judged), sum(g.solved), sum(g.answers), sum(g.satisfied), sum(g.basically), sum(g.dissatisfied),
           sum(g.not_solved), sum(g.no_reply), sum(g.not_asked), sum(g.excluded)
      FROM unnest(p_months) m(month)
      JOIN rate_agg g ON g.grain = 'D' AND g.period >= m.month AND g.period < (m.month + interval '1 month')::date
     GROUP BY m.month, g.rollup, g.partner_id, g.volunteer_id, g.street_id, g.community_id, g.grid_id,
              g.category_id, g.channel;

    INSERT INTO rate_period (grain, period, zone, computed_at, valid_from, valid_until)
    SELECT 'M', m.month, min(d.zone), p_as_of, max(d.valid_from), min(d.valid_until)
      FROM unnest(p_months) m(month)
      JOIN rate_period d ON d.grain = 'D' AND d.period >= m.month
                        AND d.period < (m.month + interval '1 month')::date
     GROUP BY m.month
    ON CONFLICT (grain, period) DO UPDATE SET zone = excluded.zone, computed_at = excluded.computed_at,
        valid_from = excluded.valid_from, valid_until = excluded.valid_until;
$$;
