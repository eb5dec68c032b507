-- The rates' aggregates hold for any "now" (issue 23, target P5; docs/architecture.md, "The three rates").
--
-- Until now a period counted before one of its deadlines (an open offer's accept-by, an open ticket's resolve-by)
-- passed held only until that deadline, and was counted live after it. A busy hotline's current days always have
-- such a deadline minutes ahead, so its current month was counted live on nearly every query (seconds at 10 M
-- tickets). rate_count now keeps the facts a deadline still ahead decides, each with that deadline (due): a rate query
-- adds those whose deadline has passed for its "now" to the aggregates. They are open work only (offers inside their
-- window, open tickets before resolve-by): a small table. A period counted so is valid until a change marks it
-- (valid_until 'infinity'); periods counted before this migration keep their finite valid_until, so the rounds count
-- them again (and the queries count them live meanwhile), as before.
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
                                  f.category_id, f.channel)),
    pending_gone AS (DELETE FROM rate_pending WHERE grain = p_grain AND period = ANY (p_periods)),
    pending AS (
        INSERT INTO rate_pending
        SELECT p_grain, f.period, CASE WHEN f.kind = 'R' THEN f.offered_from ELSE f.judged_from END, f.kind,
               f.partner_id, f.volunteer_id, f.street_id, f.community_id, f.grid_id, f.category_id, f.channel,
               f.in_time, f.overdue
          FROM f
         WHERE (f.kind = 'R' AND f.offered_from > p_as_of) OR (f.kind = 'T' AND f.judged_from > p_as_of))
    INSERT INTO rate_period (grain, period, zone, computed_at, valid_from, valid_until)
    SELECT p_grain, p.period, p_zone, p_as_of, coalesce(max(x.at), '-infinity'), 'infinity'
      FROM p
      LEFT JOIN (SELECT f.period, f.offered_from AS at FROM f
                  WHERE f.offered_from > '-infinity' AND f.offered_from <= p_as_of
                 UNION ALL
                 SELECT f.period, f.judged_from FROM f
                  WHERE f.judged_from > '-infinity' AND f.judged_from <= p_as_of) x
             ON x.period = p.period
     GROUP BY p.period
    ON CONFLICT (grain, period) DO UPDATE SET zone = excluded.zone, computed_at = excluded.computed_at,
        valid_from = excluded.valid_from, valid_until = excluded.valid_until;
$$;

-- A window month's pending facts are its days'.
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

    INSERT INTO rate_period (grain, period, zone, computed_at, valid_from, valid_until)
    SELECT 'M', m.month, min(d.zone), p_as_of, max(d.valid_from), min(d.valid_until)
      FROM unnest(p_months) m(month)
      JOIN rate_period d ON d.grain = 'D' AND d.period >= m.month
                        AND d.period < (m.month + interval '1 month')::date
     GROUP BY m.month
    ON CONFLICT (grain, period) DO UPDATE SET zone = excluded.zone, computed_at = excluded.computed_at,
        valid_from = excluded.valid_from, valid_until = excluded.valid_until;
$$;
