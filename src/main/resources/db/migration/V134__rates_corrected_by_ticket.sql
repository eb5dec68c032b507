-- A round corrects a day of the window changed by known tickets by those tickets alone, instead of counting the whole
-- day again (issue 16: counting the day of a surge again every ten seconds wrote 41 rows per ticket instead of 12 and
-- grew with the day; docs/architecture.md, "The three rates").
--
-- A correction takes away the tickets' facts as counted and adds their facts now: from rate_counted (the facts,
-- each with the "now" it was counted for, counted_at, which says whether a deadline had decided it then), from
-- rate_pending (the facts a deadline still ahead decided, each with its ticket) and from rate_agg (the difference,
-- grouped like rate_count's, added to the day's rows and to its month's when the month is the sum of its days).
ALTER TABLE rate_counted ADD COLUMN counted_at TIMESTAMPTZ;
ALTER TABLE rate_pending ADD COLUMN ticket_id BIGINT;
DROP INDEX rate_pending_period_idx;
CREATE INDEX rate_pending_period_idx ON rate_pending (grain, period, ticket_id);
-- One row per group (ids are positive and channels never empty, so the coalesced keys tell a null from any value): a
-- correction adds its difference to the group's row (ON CONFLICT), a lookup by key rather than a join whose plan a
-- table without statistics yet (a new database's first surge) turned into a nested loop of seconds. It leads with
-- V129's (grain, period, rollup), which it replaces.
DROP INDEX rate_agg_period_idx;
CREATE UNIQUE INDEX rate_agg_group_idx ON rate_agg (grain, period, rollup, coalesce(partner_id, 0),
    coalesce(volunteer_id, 0), coalesce(street_id, 0), coalesce(community_id, 0), coalesce(grid_id, 0),
    coalesce(category_id, 0), coalesce(channel, ''));

-- What was counted before this migration has neither: its days are counted again whole by the next rounds (as stale
-- periods, read live until then), and the months of the window are not corrected until they are summed again.
UPDATE rate_period SET valid_until = '-infinity' WHERE grain = 'D';
UPDATE rate_period SET facts_kept = false WHERE grain = 'M';

CREATE OR REPLACE FUNCTION rate_count(p_grain char, p_periods date[], p_zone text, p_as_of timestamptz) RETURNS void
    LANGUAGE sql AS $$
    -- first, in its own statement: the insert below must find no row of its groups (rate_agg_group_idx)
    DELETE FROM rate_agg WHERE grain = p_grain AND period = ANY (p_periods);

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
        INSERT INTO rate_pending (grain, period, due, kind, partner_id, volunteer_id, street_id, community_id,
                                  grid_id, category_id, channel, in_time, overdue, ticket_id)
        SELECT p_grain, f.period, CASE WHEN f.kind = 'R' THEN f.offered_from ELSE f.judged_from END, f.kind,
               f.partner_id, f.volunteer_id, f.street_id, f.community_id, f.grid_id, f.category_id, f.channel,
               f.in_time, f.overdue, f.ticket_id
          FROM f
         WHERE (f.kind = 'R' AND f.offered_from > p_as_of) OR (f.kind = 'T' AND f.judged_from > p_as_of)),
    facts_gone AS (DELETE FROM rate_counted WHERE p_grain = 'D' AND period = ANY (p_periods)),
    facts AS (
        INSERT INTO rate_counted
        SELECT 'D', f.period, f.kind, f.ticket_id, f.at, f.partner_id, f.volunteer_id, f.place_id, f.category_id,
               f.channel, f.offered_from, f.in_time, f.overdue, f.tickets, f.judged_from, f.solved, f.answers,
               f.satisfied, f.basically, f.dissatisfied, f.not_solved, f.no_reply, f.not_asked, f.excluded, p_as_of
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

-- A window month's pending facts are its days' (with their tickets); its facts are kept when all its days' are.
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

    INSERT INTO rate_pending (grain, period, due, kind, partner_id, volunteer_id, street_id, community_id, grid_id,
                              category_id, channel, in_time, overdue, ticket_id)
    SELECT 'M', m.month, g.due, g.kind, g.partner_id, g.volunteer_id, g.street_id, g.community_id, g.grid_id,
           g.category_id, g.channel, g.in_time, g.overdue, g.ticket_id
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

-- Corrects a counted day of the window (facts kept, counted in p_zone) for the tickets that changed it: their facts as
-- counted are taken away, their facts now are added, in rate_counted, rate_pending and rate_agg, and in its month's
-- rows when the month is the sum of its days (facts kept). Idempotent: a second correction finds the facts as the
-- first left them. The caller holds the rounds' lock.
CREATE FUNCTION rate_correct(p_day date, p_tickets bigint[], p_zone text, p_as_of timestamptz) RETURNS void
    LANGUAGE plpgsql AS $fn$
DECLARE
    v_month date := date_trunc('month', p_day)::date;
    v_summed boolean;
    v_decided timestamptz;
    v_changed bigint[];
BEGIN
    SELECT facts_kept INTO v_summed FROM rate_period WHERE grain = 'M' AND period = v_month;
    v_summed := coalesce(v_summed, false);
    -- the tickets whose facts differ from those counted: a change that moved none of a ticket's facts (a ticket
    -- dispatched, an offer delivered) leaves its rows as they are
    EXECUTE $q$
    WITH now_facts AS MATERIALIZED (
        SELECT x.* FROM rate_fact($1::timestamp AT TIME ZONE $3, ($1 + 1)::timestamp AT TIME ZONE $3, $2) x),
    counted AS MATERIALIZED (
        SELECT kind, ticket_id, at, partner_id, volunteer_id, place_id, category_id, channel, offered_from, in_time,
               overdue, tickets, judged_from, solved, answers, satisfied, basically, dissatisfied, not_solved,
               no_reply, not_asked, excluded
          FROM rate_counted WHERE grain = 'D' AND period = $1 AND ticket_id = ANY ($2))
    SELECT array_agg(DISTINCT d.ticket_id)
      FROM ((SELECT * FROM now_facts EXCEPT ALL SELECT * FROM counted)
            UNION ALL
            (SELECT * FROM counted EXCEPT ALL SELECT * FROM now_facts)) d
    $q$ INTO v_changed USING p_day, p_tickets, p_zone;
    IF v_changed IS NULL THEN
        RETURN;
    END IF;
    -- EXECUTE plans the statement with the tickets' values, so rate_fact reads each of its branches by ticket
    EXECUTE $q$
    WITH old AS (
        DELETE FROM rate_counted WHERE grain = 'D' AND period = $1 AND ticket_id = ANY ($2)
        RETURNING kind, ticket_id, at, partner_id, volunteer_id, place_id, category_id, channel, offered_from,
                  in_time, overdue, tickets, judged_from, solved, answers, satisfied, basically, dissatisfied,
                  not_solved, no_reply, not_asked, excluded, counted_at),
    new AS MATERIALIZED (
        SELECT x.* FROM rate_fact($1::timestamp AT TIME ZONE $3, ($1 + 1)::timestamp AT TIME ZONE $3, $2) x),
    kept AS (
        INSERT INTO rate_counted
        SELECT 'D', $1, n.*, $4 FROM new n),
    f AS MATERIALIZED (
        SELECT x.*, pa.street_id, pa.community_id, pa.grid_id
          FROM (SELECT -1 AS sign, o.* FROM old o
                UNION ALL
                SELECT 1, n.*, $4 FROM new n) x
          LEFT JOIN place_area pa ON pa.place_id = x.place_id),
    unpended AS (DELETE FROM rate_pending WHERE grain = 'D' AND period = $1 AND ticket_id = ANY ($2)),
    pended AS (
        INSERT INTO rate_pending (grain, period, due, kind, partner_id, volunteer_id, street_id, community_id,
                                  grid_id, category_id, channel, in_time, overdue, ticket_id)
        SELECT 'D', $1, CASE WHEN f.kind = 'R' THEN f.offered_from ELSE f.judged_from END, f.kind, f.partner_id,
               f.volunteer_id, f.street_id, f.community_id, f.grid_id, f.category_id, f.channel, f.in_time,
               f.overdue, f.ticket_id
          FROM f
         WHERE f.sign = 1 AND ((f.kind = 'R' AND f.offered_from > $4) OR (f.kind = 'T' AND f.judged_from > $4))),
    diff AS (
        -- rate_count's counts, each fact for the "now" it was counted for, the old ones taken away
        SELECT GROUPING(f.partner_id, f.street_id, f.category_id, f.channel) AS rollup,
               f.partner_id, f.volunteer_id, f.street_id, f.community_id, f.grid_id, f.category_id, f.channel,
               coalesce(sum(f.sign) FILTER (WHERE f.kind <> 'R' OR f.offered_from <= f.counted_at), 0) AS present,
               coalesce(sum(f.sign) FILTER (WHERE f.offered_from <= f.counted_at), 0) AS offered,
               coalesce(sum(f.sign) FILTER (WHERE f.offered_from <= f.counted_at AND f.in_time = 1), 0) AS in_time,
               coalesce(sum(f.sign) FILTER (WHERE f.offered_from <= f.counted_at AND f.overdue = 1), 0) AS overdue,
               sum(f.sign * f.tickets) AS tickets,
               coalesce(sum(f.sign) FILTER (WHERE f.judged_from <= f.counted_at), 0) AS judged,
               sum(f.sign * f.solved) AS solved, sum(f.sign * f.answers) AS answers,
               sum(f.sign * f.satisfied) AS satisfied, sum(f.sign * f.basically) AS basically,
               sum(f.sign * f.dissatisfied) AS dissatisfied, sum(f.sign * f.not_solved) AS not_solved,
               sum(f.sign * f.no_reply) AS no_reply, sum(f.sign * f.not_asked) AS not_asked,
               sum(f.sign * f.excluded) AS excluded
          FROM f
         GROUP BY CUBE ((f.partner_id, f.volunteer_id), (f.street_id, f.community_id, f.grid_id), f.category_id,
                        f.channel)),
    delta AS (
        -- the groups whose counts the tickets changed (a ticket changed and changed back changes none)
        SELECT * FROM diff d
         WHERE (d.present, d.offered, d.in_time, d.overdue, d.tickets, d.judged, d.solved, d.answers, d.satisfied,
                d.basically, d.dissatisfied, d.not_solved, d.no_reply, d.not_asked, d.excluded)
               <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
    target AS (
        SELECT 'D'::char AS grain, $1::date AS period, d.* FROM delta d
        UNION ALL
        SELECT 'M', $5::date, d.* FROM delta d WHERE $6)
    INSERT INTO rate_agg
    SELECT t.* FROM target t
    -- a group's row gets the difference; a group whose facts all went elsewhere keeps a row of zeros, which adds
    -- nothing to any query (a group shows when its present count is not zero) and goes when the day is counted whole
    ON CONFLICT (grain, period, rollup, (coalesce(partner_id, 0)), (coalesce(volunteer_id, 0)),
                 (coalesce(street_id, 0)), (coalesce(community_id, 0)), (coalesce(grid_id, 0)),
                 (coalesce(category_id, 0)), (coalesce(channel, '')))
    DO UPDATE SET present = rate_agg.present + excluded.present, offered = rate_agg.offered + excluded.offered,
                  in_time = rate_agg.in_time + excluded.in_time, overdue = rate_agg.overdue + excluded.overdue,
                  tickets = rate_agg.tickets + excluded.tickets, judged = rate_agg.judged + excluded.judged,
                  solved = rate_agg.solved + excluded.solved, answers = rate_agg.answers + excluded.answers,
                  satisfied = rate_agg.satisfied + excluded.satisfied,
                  basically = rate_agg.basically + excluded.basically,
                  dissatisfied = rate_agg.dissatisfied + excluded.dissatisfied,
                  not_solved = rate_agg.not_solved + excluded.not_solved,
                  no_reply = rate_agg.no_reply + excluded.no_reply, not_asked = rate_agg.not_asked + excluded.not_asked,
                  excluded = rate_agg.excluded + excluded.excluded
    $q$ USING p_day, v_changed, p_zone, p_as_of, v_month, v_summed;

    IF v_summed THEN
        DELETE FROM rate_pending WHERE grain = 'M' AND period = v_month AND ticket_id = ANY (v_changed);
        INSERT INTO rate_pending (grain, period, due, kind, partner_id, volunteer_id, street_id, community_id,
                                  grid_id, category_id, channel, in_time, overdue, ticket_id)
        SELECT 'M', v_month, g.due, g.kind, g.partner_id, g.volunteer_id, g.street_id, g.community_id, g.grid_id,
               g.category_id, g.channel, g.in_time, g.overdue, g.ticket_id
          FROM rate_pending g
         WHERE g.grain = 'D' AND g.period >= v_month AND g.period < (v_month + interval '1 month')::date
           AND g.ticket_id = ANY (v_changed);
    END IF;

    -- the last deadline the period's counts passed: a "now" before it is not answered from them
    SELECT max(greatest(CASE WHEN c.offered_from > '-infinity' AND c.offered_from <= p_as_of THEN c.offered_from END,
                        CASE WHEN c.judged_from > '-infinity' AND c.judged_from <= p_as_of THEN c.judged_from END))
      INTO v_decided
      FROM rate_counted c
     WHERE c.grain = 'D' AND c.period = p_day AND c.ticket_id = ANY (v_changed);
    IF v_decided IS NOT NULL THEN
        UPDATE rate_period SET valid_from = greatest(valid_from, v_decided)
         WHERE (grain = 'D' AND period = p_day) OR (grain = 'M' AND period = v_month AND v_summed);
    END IF;
END $fn$;
