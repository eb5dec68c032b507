-- Incident detection compares a new report with the open tickets of its area and also with the reports already merged
-- into them (an incident's reporters say the same thing in more ways than its first report). The partial index of
-- V87 covered the open statuses only; it now also covers MERGED, read by (place_id, created_at) as before. A query
-- for the open statuses alone still uses it (its predicate implies this one).
DROP INDEX IF EXISTS ticket_open_incident_idx;
CREATE INDEX ticket_open_incident_idx ON ticket (place_id, created_at)
    WHERE status IN ('RECEIVED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'REOPENED', 'MERGED');
