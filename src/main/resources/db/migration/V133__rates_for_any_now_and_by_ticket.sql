-- The rates' aggregates hold for any "now" and are corrected by what changed since they were counted (issue 23, target
-- P5; docs/architecture.md, "The three rates").
--
-- Until now a period counted before one of its deadlines (an open offer's accept-by, an open ticket's resolve-by)
-- passed held only until that deadline, and a day changed since its count was counted live whole. A busy hotline's
-- current days always have such a deadline minutes ahead and changes every second, so its current month was counted
-- live day by day on nearly every query (seconds at 10 M tickets).
-- - rate_pending: rate_count keeps the facts a deadline still ahead decides, each with that deadline (due); a query
--   adds those whose deadline has passed for its "now". They are open work only (offers inside their window, open
--   tickets before resolve-by). A period counted so holds for any later "now" (valid_until 'infinity'); periods
--   counted before this migration keep their finite valid_until, so the rounds count them again, as before.
-- - rate_counted: for the days of the window, the facts each day's counts were made of, by ticket. The change
--   triggers now also name the tickets they touched (rate_dirty.tickets), so a query corrects a changed day by those
--   tickets alone (their facts now, less the facts counted) instead of counting the whole day again.
-- rate_fact names each fact's ticket for that; its rules are unchanged.
DROP FUNCTION rate_fact(timestamptz, timestamptz);
-- tickets_in: the tickets whose facts are wanted (null: all); a constant array when it is given, so each branch
-- reads its rows by ticket through its own index (a condition on ticket_id from outside is not pushed into it).
CREATE FUNCTION rate_fact(lo timestamptz, hi timestamptz, tickets_in bigint[])
    RETURNS TABLE (kind text, ticket_id bigint, at timestamptz, partner_id bigint, volunteer_id bigint, place_id bigint,
                   category_id bigint, channel text, offered_from timestamptz, in_time int, overdue int, tickets int,
                   judged_from timestamptz, solved int, answers int, satisfied int, basically int, dissatisfied int,
                   not_solved int, no_reply int, not_asked int, excluded int)
    LANGUAGE sql STABLE AS $$
SELECT 'R'::text AS kind, a.ticket_id, a.offered_at AS at, a.partner_id, a.volunteer_id, t.place_id, t.category_id, t.channel,
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
WHERE a.offered_at >= lo AND a.offered_at < hi AND (tickets_in IS NULL OR a.ticket_id = ANY (tickets_in))
UNION ALL
SELECT 'T', t.id, t.created_at, l.partner_id, l.volunteer_id, t.place_id, t.category_id, t.channel,
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
  AND (tickets_in IS NULL OR t.id = ANY (tickets_in))
UNION ALL
SELECT 'S', s.ticket_id, t.created_at, a.partner_id, a.volunteer_id, t.place_id, t.category_id, t.channel,
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
WHERE t.created_at >= lo AND t.created_at < hi AND (tickets_in IS NULL OR s.ticket_id = ANY (tickets_in))
$$;

CREATE TABLE rate_pending (
    grain        CHAR(1) NOT NULL,
    period       DATE NOT NULL,
    due          TIMESTAMPTZ NOT NULL,
    -- 'R' an offer (response: counts as offered, in time, overdue), 'T' a ticket (resolution: counts as judged)
    kind         CHAR(1) NOT NULL,
    partner_id   BIGINT,
    volunteer_id BIGINT,
    street_id    BIGINT,
    community_id BIGINT,
    grid_id      BIGINT,
    category_id  BIGINT,
    channel      TEXT,
    in_time      SMALLINT NOT NULL,
    overdue      SMALLINT NOT NULL
);
CREATE INDEX rate_pending_period_idx ON rate_pending (grain, period);

-- rate_fact's rows as a day of the window was counted (the same columns, and the day; grain is always 'D').
CREATE TABLE rate_counted (
    grain        CHAR(1) NOT NULL DEFAULT 'D',
    period       DATE NOT NULL,
    kind         TEXT NOT NULL,
    ticket_id    BIGINT NOT NULL,
    at           TIMESTAMPTZ NOT NULL,
    partner_id   BIGINT,
    volunteer_id BIGINT,
    place_id     BIGINT,
    category_id  BIGINT,
    channel      TEXT,
    offered_from TIMESTAMPTZ,
    in_time      INT NOT NULL,
    overdue      INT NOT NULL,
    tickets      INT NOT NULL,
    judged_from  TIMESTAMPTZ,
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
CREATE INDEX rate_counted_ticket_idx ON rate_counted (period, ticket_id);

-- Whether a period's facts are in rate_counted (days counted since this migration, and months summed from such days):
-- only those are corrected by ticket; the others are counted live while marked.
ALTER TABLE rate_period ADD COLUMN facts_kept BOOLEAN NOT NULL DEFAULT false;

-- The tickets a change touched, per marked UTC day; null when unknown or too many to correct one by one (a place moved
-- in the tree, a bulk change): the day is counted live whole until the next round.
ALTER TABLE rate_dirty ADD COLUMN tickets BIGINT[];

CREATE FUNCTION rate_mark(ats timestamptz[], ids bigint[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO rate_dirty (lo, hi, tickets)
    SELECT min(m.x), max(m.x),
           CASE WHEN bool_and(m.id IS NOT NULL) AND count(DISTINCT m.id) <= 2000 THEN array_agg(DISTINCT m.id) END
      FROM unnest(ats, ids) m(x, id)
     WHERE m.x IS NOT NULL
     GROUP BY date_trunc('day', m.x AT TIME ZONE 'UTC')
$$;

-- V129's marks, each instant with the ticket whose facts it places.
CREATE OR REPLACE FUNCTION rate_mark_ticket() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ats timestamptz[];
    ids bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(n.created_at), array_agg(n.id) INTO ats, ids FROM new_rows n;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(o.created_at), array_agg(o.id) INTO ats, ids FROM old_rows o;
    ELSE
        SELECT array_agg(v.x), array_agg(v.id) INTO ats, ids FROM (
            SELECT x, n.id FROM new_rows n JOIN old_rows o ON o.id = n.id,
                   LATERAL (VALUES (o.created_at), (n.created_at)) v(x)
             WHERE (n.status, n.survey_outcome, n.survey_excluded, n.category_id, n.place_id, n.channel, n.created_at)
                   IS DISTINCT FROM
                   (o.status, o.survey_outcome, o.survey_excluded, o.category_id, o.place_id, o.channel, o.created_at)
            UNION ALL
            SELECT a.offered_at, n.id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN assignment a ON a.ticket_id = n.id
             WHERE (n.category_id, n.place_id, n.channel) IS DISTINCT FROM (o.category_id, o.place_id, o.channel)) v;
    END IF;
    PERFORM rate_mark(ats, ids);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION rate_mark_assignment() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ats timestamptz[];
    ids bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(v.x), array_agg(v.id) INTO ats, ids
          FROM new_rows n LEFT JOIN ticket t ON t.id = n.ticket_id,
               LATERAL (VALUES (n.offered_at, n.ticket_id), (t.created_at, t.id)) v(x, id);
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(v.x), array_agg(v.id) INTO ats, ids
          FROM old_rows o LEFT JOIN ticket t ON t.id = o.ticket_id,
               LATERAL (VALUES (o.offered_at, o.ticket_id), (t.created_at, t.id)) v(x, id);
    ELSE
        SELECT array_agg(v.x), array_agg(v.id) INTO ats, ids
          FROM new_rows n JOIN old_rows o ON o.id = n.id
               LEFT JOIN ticket t ON t.id = n.ticket_id LEFT JOIN ticket ot ON ot.id = o.ticket_id,
               LATERAL (VALUES (o.offered_at, o.ticket_id), (n.offered_at, n.ticket_id), (t.created_at, t.id),
                               (ot.created_at, ot.id)) v(x, id)
         WHERE (n.ticket_id, n.partner_id, n.volunteer_id, n.role, n.state, n.offered_at, n.accept_by,
                n.accepted_at, n.overdue_at, n.paused_at, n.resolve_by, n.resolved_at)
               IS DISTINCT FROM
               (o.ticket_id, o.partner_id, o.volunteer_id, o.role, o.state, o.offered_at, o.accept_by,
                o.accepted_at, o.overdue_at, o.paused_at, o.resolve_by, o.resolved_at);
    END IF;
    PERFORM rate_mark(ats, ids);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION rate_mark_survey_answer() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ats timestamptz[];
    ids bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(t.created_at), array_agg(t.id) INTO ats, ids
          FROM new_rows n JOIN ticket t ON t.id = n.ticket_id;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(t.created_at), array_agg(t.id) INTO ats, ids
          FROM old_rows o JOIN ticket t ON t.id = o.ticket_id;
    ELSE
        SELECT array_agg(t.created_at), array_agg(t.id) INTO ats, ids
          FROM new_rows n JOIN old_rows o ON o.id = n.id,
               LATERAL (VALUES (n.ticket_id), (o.ticket_id)) v(ticket_id) JOIN ticket t ON t.id = v.ticket_id
         WHERE (n.ticket_id, n.assignment_id, n.outcome, n.excluded)
               IS DISTINCT FROM (o.ticket_id, o.assignment_id, o.outcome, o.excluded);
    END IF;
    PERFORM rate_mark(ats, ids);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION rate_count(p_grain char, p_periods date[], p_zone text, p_as_of timestamptz) RETURNS void
    LANGUAGE sql AS $$
    WITH p AS (
        SELECT d AS period, d::timestamp AT TIME ZONE p_zone AS lo,
               (d + CASE WHEN p_grain = 'D' THEN interval '1 day' ELSE interval '1 month' END)::timestamp
                   AT TIME ZONE p_zone AS hi
          FROM unnest(p_periods) d),
    f AS MATERIALIZED (
        SELECT p.period, x.*, pa.street_id, pa.community_id, pa.grid_id
          FROM p
         CROSS JOIN LATERAL rate_fact(p.lo, p.hi, NULL) x
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
                                  f.category_id, f.channel)),
    pending_gone AS (DELETE FROM rate_pending WHERE grain = p_grain AND period = ANY (p_periods)),
    pending AS (
        INSERT INTO rate_pending
        SELECT p_grain, f.period, CASE WHEN f.kind = 'R' THEN f.offered_from ELSE f.judged_from END, f.kind,
               f.partner_id, f.volunteer_id, f.street_id, f.community_id, f.grid_id, f.category_id, f.channel,
               f.in_time, f.overdue
          FROM f
         WHERE (f.kind = 'R' AND f.offered_from > p_as_of) OR (f.kind = 'T' AND f.judged_from > p_as_of)),
    facts_gone AS (DELETE FROM rate_counted WHERE p_grain = 'D' AND period = ANY (p_periods)),
    facts AS (
        INSERT INTO rate_counted
        SELECT 'D', f.period, f.kind, f.ticket_id, f.at, f.partner_id, f.volunteer_id, f.place_id, f.category_id,
               f.channel, f.offered_from, f.in_time, f.overdue, f.tickets, f.judged_from, f.solved, f.answers,
               f.satisfied, f.basically, f.dissatisfied, f.not_solved, f.no_reply, f.not_asked, f.excluded
          FROM f
         WHERE p_grain = 'D')
    INSERT INTO rate_period (grain, period, zone, computed_at, valid_from, valid_until, facts_kept)
    SELECT p_grain, p.period, p_zone, p_as_of, coalesce(max(x.at), '-infinity'), 'infinity', p_grain = 'D'
      FROM p
      LEFT JOIN (SELECT f.period, f.offered_from AS at FROM f
                  WHERE f.offered_from > '-infinity' AND f.offered_from <= p_as_of
                 UNION ALL
                 SELECT f.period, f.judged_from FROM f
                  WHERE f.judged_from > '-infinity' AND f.judged_from <= p_as_of) x
             ON x.period = p.period
     GROUP BY p.period
    ON CONFLICT (grain, period) DO UPDATE SET zone = excluded.zone, computed_at = excluded.computed_at,
        valid_from = excluded.valid_from, valid_until = excluded.valid_until, facts_kept = excluded.facts_kept;
$$;

-- A window month's pending facts are its days'; its facts are kept when all its days' are.
CREATE OR REPLACE FUNCTION rate_sum_months(p_months date[], p_as_of timestamptz) RETURNS void LANGUAGE sql AS $$
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

    DELETE FROM rate_pending WHERE grain = 'M' AND period = ANY (p_months);

    INSERT INTO rate_pending
    SELECT 'M', m.month, g.due, g.kind, g.partner_id, g.volunteer_id, g.street_id, g.community_id, g.grid_id,
           g.category_id, g.channel, g.in_time, g.overdue
      FROM unnest(p_months) m(month)
      JOIN rate_pending g ON g.grain = 'D' AND g.period >= m.month
                         AND g.period < (m.month + interval '1 month')::date;

    INSERT INTO rate_period (grain, period, zone, computed_at, valid_from, valid_until, facts_kept)
    SELECT 'M', m.month, min(d.zone), p_as_of, max(d.valid_from), min(d.valid_until), bool_and(d.facts_kept)
      FROM unnest(p_months) m(month)
      JOIN rate_period d ON d.grain = 'D' AND d.period >= m.month
                        AND d.period < (m.month + interval '1 month')::date
     GROUP BY m.month
    ON CONFLICT (grain, period) DO UPDATE SET zone = excluded.zone, computed_at = excluded.computed_at,
        valid_from = excluded.valid_from, valid_until = excluded.valid_until, facts_kept = excluded.facts_kept;
$$;
