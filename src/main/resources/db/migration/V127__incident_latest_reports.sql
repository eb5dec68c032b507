-- Incident detection compared a new report with every report merged into an open incident within the window (V124):
-- in a surge that kept one burst main open for half an hour, each batch read and scored tens of thousands of them,
-- and intake slowed down as the incident grew. It now compares with the incident and its latest merged reports only.
-- The open tickets of an area are read through a partial index of open tickets again (the predicate of V87), now by
-- place and category: a grid's open household needs (which detection never compares, and which pile up while
-- partners do not answer: 13,000 per compound in R3) are no longer read to be filtered out. An incident's latest
-- merged reports are read through the index of merged reports by incident (V60), now ordered by id too: newest
-- first, and left after as many as are compared.
DROP INDEX IF EXISTS ticket_open_incident_idx;
CREATE INDEX ticket_open_incident_idx ON ticket (place_id, category_id, created_at)
    WHERE status IN ('RECEIVED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'REOPENED');
DROP INDEX IF EXISTS ticket_merged_into_idx;
CREATE INDEX ticket_merged_into_idx ON ticket (merged_into_id, id) WHERE merged_into_id IS NOT NULL;
