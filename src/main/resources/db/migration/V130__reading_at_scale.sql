-- Reading at 10 million tickets (issue 23, target P5; BENCHMARKS.md "Reading at 10 million tickets").
--
-- The supervisors' deadline list and partners' load read only open assignments (offered, accepted, in progress, or
-- returned and waiting for a ruling): a few tens of thousands among millions. Without this index both scanned every
-- assignment (1.3-2.2 s at 10.3 M assignments).
CREATE INDEX assignment_open_idx ON assignment (partner_id, state)
    WHERE state IN ('OFFERED', 'ACCEPTED', 'IN_PROGRESS', 'RETURNED');

-- The ticket list filtered by category and a period: the tickets of one category in the period, not every ticket of
-- the category or of the period (1.0-1.5 s at 10 M tickets).
CREATE INDEX ticket_category_created_idx ON ticket (category_id, created_at);
