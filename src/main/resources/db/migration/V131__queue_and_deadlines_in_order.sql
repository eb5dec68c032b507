-- The operators' live queue and the supervisors' deadline list read in their order from an index (issue 23, target
-- P5; BENCHMARKS.md "Reading at 10 million tickets"). Both sorted every waiting ticket or open assignment to show the
-- first 200: 0.6-0.9 s at 29 k waiting tickets and 63 k overdue assignments.

-- The queue's order after the emergencies: priority (urgent, normal, anything else), then the resident's
-- vulnerability (a flag of model.ResidentFlags.VULNERABLE, checked against this function by WorkQueueOrderTest), then
-- the time of the contact. The rank is the first two as one number, kept on the ticket so that an index holds the
-- order; the resident's flags live on another table, so the rank is written by triggers, not a generated column.
CREATE FUNCTION queue_rank(priority text, flags text[]) RETURNS smallint
    LANGUAGE sql IMMUTABLE AS $$
SELECT (CASE priority WHEN 'urgent' THEN 0 WHEN 'normal' THEN 2 ELSE 4 END
        + CASE WHEN flags && '{elderly-alone,disabled}'::text[] THEN 0 ELSE 1 END)::smallint
$$;

ALTER TABLE ticket ADD COLUMN queue_rank smallint;

-- The tickets waiting now; the others get theirs when they enter the queue.
UPDATE ticket t SET queue_rank = queue_rank(t.priority, (SELECT r.flags FROM resident r WHERE r.id = t.resident_id))
 WHERE t.status IN ('TRIAGE', 'RECEIVED', 'DISPATCHED', 'REOPENED');

CREATE FUNCTION ticket_queue_rank() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW.queue_rank := queue_rank(NEW.priority, (SELECT r.flags FROM resident r WHERE r.id = NEW.resident_id));
    RETURN NEW;
END
$$;

-- A new ticket, a change of priority or resident, and a ticket that enters the queue (a reopened one, whose
-- resident's flags may have changed while it was closed: only the queue's tickets follow a change of flags).
CREATE TRIGGER ticket_queue_rank_insert BEFORE INSERT ON ticket
    FOR EACH ROW EXECUTE FUNCTION ticket_queue_rank();
CREATE TRIGGER ticket_queue_rank_update BEFORE UPDATE ON ticket
    FOR EACH ROW
    WHEN (OLD.priority IS DISTINCT FROM NEW.priority OR OLD.resident_id IS DISTINCT FROM NEW.resident_id
          OR NEW.queue_rank IS NULL
          OR (OLD.status NOT IN ('TRIAGE', 'RECEIVED', 'DISPATCHED', 'REOPENED')
              AND NEW.status IN ('TRIAGE', 'RECEIVED', 'DISPATCHED', 'REOPENED')))
    EXECUTE FUNCTION ticket_queue_rank();

CREATE FUNCTION resident_queue_rank() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    UPDATE ticket t SET queue_rank = queue_rank(t.priority, NEW.flags)
     WHERE t.resident_id = NEW.id AND t.status IN ('TRIAGE', 'RECEIVED', 'DISPATCHED', 'REOPENED')
       AND t.queue_rank IS DISTINCT FROM queue_rank(t.priority, NEW.flags);
    RETURN NULL;
END
$$;

CREATE TRIGGER resident_queue_rank AFTER UPDATE OF flags ON resident
    FOR EACH ROW WHEN (OLD.flags IS DISTINCT FROM NEW.flags) EXECUTE FUNCTION resident_queue_rank();

CREATE INDEX ticket_queue_idx ON ticket (queue_rank, created_at, id)
    WHERE status IN ('TRIAGE', 'RECEIVED', 'DISPATCHED', 'REOPENED');

-- The deadline list's order: the instant an open assignment is due (accept-by for an offer, resolve-by after
-- acceptance), overdue first. Overdue is "due before now", or marked overdue while its resolve-by has moved later
-- (a paused clock): the second is its own small index.
CREATE INDEX assignment_due_open_idx
    ON assignment ((CASE WHEN state = 'OFFERED' THEN accept_by ELSE resolve_by END), id)
    WHERE state IN ('OFFERED', 'ACCEPTED', 'IN_PROGRESS');
CREATE INDEX assignment_marked_overdue_idx ON assignment (resolve_by, id)
    WHERE state IN ('ACCEPTED', 'IN_PROGRESS') AND overdue_at IS NOT NULL;
