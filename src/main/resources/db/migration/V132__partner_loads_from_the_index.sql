-- The supervisors' partner loads read from the index alone (issue 23, target P5; BENCHMARKS.md "Reading at 10 million
-- tickets"): V130's index of open assignments found them, but every count read the assignment's row for its overdue
-- columns (one heap block per open assignment, 60 k blocks at 10 M tickets). This index carries those columns, so the
-- counts are an index-only scan wherever vacuum has marked the table's pages all-visible; it replaces V130's.
CREATE INDEX assignment_open_load_idx ON assignment (partner_id, state) INCLUDE (overdue_at, resolve_by)
    WHERE state IN ('OFFERED', 'ACCEPTED', 'IN_PROGRESS', 'RETURNED');
DROP INDEX assignment_open_idx;
