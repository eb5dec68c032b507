-- The two clocks of an assignment: a warning before accept-by and before resolve-by, and overdue at resolve-by.
-- Each is stamped once, by whichever hub instance's sweep claims the row (SKIP LOCKED), so it fires once.
ALTER TABLE assignment ADD COLUMN accept_warned_at TIMESTAMPTZ;
ALTER TABLE assignment ADD COLUMN resolve_warned_at TIMESTAMPTZ;
ALTER TABLE assignment ADD COLUMN overdue_at TIMESTAMPTZ;
CREATE INDEX assignment_resolve_due_idx ON assignment (resolve_by)
    WHERE state IN ('ACCEPTED', 'IN_PROGRESS') AND overdue_at IS NULL;
