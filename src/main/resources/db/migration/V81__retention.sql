-- Issue 23, items 4 and 5: retention of personal data (docs/retention.md) and the export of closed tickets.

-- When a ticket reached a final status (CLOSED, CANCELLED, MERGED), and when its personal data was anonymised. The
-- trigger keeps closed_at in step with the status for every writer (the hub's code, SQL, COPY): set from the row's
-- updated_at (the hub's clock) when a ticket becomes final, cleared when it reopens. Retention counts from closed_at;
-- the export walks closed tickets by (closed_at, id).
ALTER TABLE ticket ADD COLUMN closed_at TIMESTAMPTZ, ADD COLUMN anonymised_at TIMESTAMPTZ;

CREATE FUNCTION ticket_closed_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IN ('CLOSED', 'CANCELLED', 'MERGED') THEN
    IF TG_OP = 'INSERT' THEN
      NEW.closed_at := coalesce(NEW.closed_at, NEW.updated_at, now());
    ELSIF OLD.status NOT IN ('CLOSED', 'CANCELLED', 'MERGED') OR OLD.closed_at IS NULL THEN
      NEW.closed_at := CASE WHEN NEW.updated_at IS DISTINCT FROM OLD.updated_at THEN NEW.updated_at ELSE now() END;
    END IF;
  ELSE
    NEW.closed_at := NULL;
  END IF;
  RETURN NEW;
END
$$;

-- Called only when it has something to do: intake's inserts (never final), dispatch's moves between open statuses and
-- the many writes that leave the status as it was do not run it.
CREATE TRIGGER ticket_closed_at_insert BEFORE INSERT ON ticket
  FOR EACH ROW WHEN (NEW.status IN ('CLOSED', 'CANCELLED', 'MERGED')) EXECUTE FUNCTION ticket_closed_at();
CREATE TRIGGER ticket_closed_at_update BEFORE UPDATE OF status ON ticket
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status
      AND (NEW.status IN ('CLOSED', 'CANCELLED', 'MERGED') OR OLD.status IN ('CLOSED', 'CANCELLED', 'MERGED')))
  EXECUTE FUNCTION ticket_closed_at();

-- Tickets already final: closed when they last changed.
UPDATE ticket SET closed_at = updated_at WHERE status IN ('CLOSED', 'CANCELLED', 'MERGED');

-- The export's keyset order, and the nightly job's search for closed tickets not yet anonymised.
CREATE INDEX ticket_closed_idx ON ticket (closed_at, id) WHERE closed_at IS NOT NULL;
CREATE INDEX ticket_to_anonymise_idx ON ticket (closed_at, id) WHERE closed_at IS NOT NULL AND anonymised_at IS NULL;

-- The channels' own records are purged by age a batch at a time; these find the oldest.
CREATE INDEX sms_inbound_created_idx ON sms_inbound (created_at);
CREATE INDEX wechat_inbound_created_idx ON wechat_inbound (created_at);
CREATE INDEX voice_call_personal_idx ON voice_call (started_at)
    WHERE from_phone IS NOT NULL OR to_phone IS NOT NULL OR recording_sid IS NOT NULL OR resident_id IS NOT NULL;
CREATE INDEX dead_letter_created_idx ON dead_letter (created_at);

-- One row per night the retention job ran (or is running): the hub instance that inserted the row runs it, so it runs
-- once across instances; what it did is kept here and in the audit log.
CREATE TABLE retention_run (
    run_date    DATE PRIMARY KEY,
    node        TEXT NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    summary     TEXT
);
