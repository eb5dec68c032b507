-- A ticket split off another (issue 22 item 1): the ticket it came from, and the request key of the split so a form
-- sent twice (or an API call repeated) makes one ticket. Both columns are null for every ticket intake files, so
-- intake's insert and its indexes are unchanged; the partial index holds split tickets only.
ALTER TABLE ticket ADD COLUMN split_from_id BIGINT REFERENCES ticket (id) ON DELETE SET NULL;
ALTER TABLE ticket ADD COLUMN split_key TEXT;
CREATE UNIQUE INDEX ticket_split_uk ON ticket (split_from_id, split_key) WHERE split_from_id IS NOT NULL;
