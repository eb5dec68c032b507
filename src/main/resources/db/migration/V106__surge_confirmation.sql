-- A surge confirmed by staff (issue 21 item 2, docs/architecture.md "Incidents"): who confirmed it, when, and the one
-- status message in Chinese and English that every reporter of the incident is told (and the IVR announces to
-- callers from its area). Unconfirmed surges keep these null.
ALTER TABLE incident_surge
    ADD COLUMN confirmed_by TEXT,
    ADD COLUMN confirmed_at TIMESTAMPTZ,
    ADD COLUMN status_zh    TEXT,
    ADD COLUMN status_en    TEXT;

-- The IVR asks for the confirmed surges of a caller's area: only the few confirmed rows.
CREATE INDEX incident_surge_confirmed_idx ON incident_surge (incident_id) WHERE confirmed_at IS NOT NULL;
