-- The two clocks of an assignment get their warning points as rows of their own (computed once when the offer is
-- made, in the partner type's business hours when it has a calendar), so the sweep compares a timestamp with now and
-- a business-hours window needs no arithmetic in SQL. A clock can be paused while the partner waits for the resident:
-- paused_at is set, the sweep skips the row, and on resume every deadline not yet passed moves by the working time
-- the pause took; paused_s adds up the paused time.
ALTER TABLE assignment
    ADD COLUMN accept_warn_at  TIMESTAMPTZ,
    ADD COLUMN resolve_warn_at TIMESTAMPTZ,
    ADD COLUMN paused_at       TIMESTAMPTZ,
    ADD COLUMN pause_reason    TEXT,
    ADD COLUMN paused_s        BIGINT NOT NULL DEFAULT 0;

-- Existing assignments: the default warning point (hub.dispatch.warn-at = 0.8) on the wall clock.
UPDATE assignment SET accept_warn_at = offered_at + (accept_by - offered_at) * 0.8,
                      resolve_warn_at = offered_at + (resolve_by - offered_at) * 0.8;
ALTER TABLE assignment ALTER COLUMN accept_warn_at SET NOT NULL, ALTER COLUMN resolve_warn_at SET NOT NULL;

DROP INDEX assignment_offer_due_idx;
CREATE INDEX assignment_offer_due_idx ON assignment (accept_by) WHERE state = 'OFFERED' AND paused_at IS NULL;
CREATE INDEX assignment_accept_warn_idx ON assignment (accept_warn_at)
    WHERE state = 'OFFERED' AND accept_warned_at IS NULL AND paused_at IS NULL;
CREATE INDEX assignment_resolve_warn_idx ON assignment (resolve_warn_at)
    WHERE state IN ('ACCEPTED', 'IN_PROGRESS') AND resolve_warned_at IS NULL AND paused_at IS NULL;
DROP INDEX assignment_resolve_due_idx;
CREATE INDEX assignment_resolve_due_idx ON assignment (resolve_by)
    WHERE state IN ('ACCEPTED', 'IN_PROGRESS') AND overdue_at IS NULL AND paused_at IS NULL;
CREATE INDEX assignment_paused_idx ON assignment (paused_at) WHERE paused_at IS NOT NULL;
