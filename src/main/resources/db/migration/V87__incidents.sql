-- Incidents (issue 21, docs/architecture.md "Incidents"): one ticket carries an incident that many residents report.
-- Each later report keeps its own ticket (the reference its resident was told), MERGED into the incident's ticket, and
-- one incident_link row says how it got there: linked at once by intake (score above hub.incident.link-at), suggested
-- to an operator (grey zone), kept apart, or unlinked again. The row keeps the reporter's own channel, resident and
-- language, so a later broadcast reaches every reporter where they wrote from.
CREATE TABLE incident_link (
    id                 BIGSERIAL PRIMARY KEY,
    incident_id        BIGINT NOT NULL REFERENCES ticket (id),
    reporter_ticket_id BIGINT NOT NULL REFERENCES ticket (id),
    state              TEXT NOT NULL,          -- LINKED, SUGGESTED, KEPT_APART, UNLINKED
    score              NUMERIC(4, 3) NOT NULL,
    reason             TEXT NOT NULL,
    channel            TEXT NOT NULL,
    -- set null when retention deletes the resident (PersonalDataRules.deleteResidents), never blocking it
    resident_id        BIGINT REFERENCES resident (id) ON DELETE SET NULL,
    language           TEXT,
    reported_at        TIMESTAMPTZ NOT NULL,
    decided_by         TEXT NOT NULL,
    decided_at         TIMESTAMPTZ NOT NULL,
    CONSTRAINT incident_link_one_per_reporter UNIQUE (reporter_ticket_id)
);
CREATE INDEX incident_link_incident_idx ON incident_link (incident_id, state, reported_at);

-- The reporters of an incident, counting its own: kept on the ticket so an offer and the partner API carry the count
-- without a query of their own.
ALTER TABLE ticket ADD COLUMN reporter_count INT NOT NULL DEFAULT 1;

-- A surge (集中报告): hub.surge.contacts reports of one incident within hub.surge.within. Declared once per incident.
CREATE TABLE incident_surge (
    incident_id BIGINT PRIMARY KEY REFERENCES ticket (id),
    declared_at TIMESTAMPTZ NOT NULL,
    contacts    INT NOT NULL,
    within_s    INT NOT NULL
);

-- Detection reads the open tickets of a few places filed since a moment: only the tickets an incident can be, so
-- the index stays the size of the open work, not of the history.
CREATE INDEX ticket_open_incident_idx ON ticket (place_id, created_at)
    WHERE status IN ('RECEIVED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'REOPENED');
