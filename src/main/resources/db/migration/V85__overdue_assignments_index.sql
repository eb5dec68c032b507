-- Issue 22, item 8: the gauge of overdue assignments (metrics.OperationsGauges) counts open work stamped overdue by
-- the sweep every 15 s. The sweep's own index (assignment_resolve_due_idx) holds only rows not stamped yet; this one
-- holds only the stamped ones still open, so the count reads the overdue work and nothing else.
CREATE INDEX assignment_overdue_open_idx ON assignment (overdue_at)
    WHERE state IN ('ACCEPTED', 'IN_PROGRESS') AND overdue_at IS NOT NULL;
