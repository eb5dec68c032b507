-- Dispatch engine: assignments to volunteers as well as partners, returns (退单) with a reason and the hub's ruling,
-- progress notes and resolution, accept-by expiry, volunteer availability and fairness.

ALTER TABLE assignment ALTER COLUMN partner_id DROP NOT NULL;
ALTER TABLE assignment ADD COLUMN volunteer_id BIGINT REFERENCES volunteer (id);
ALTER TABLE assignment ADD CONSTRAINT assignment_one_assignee CHECK ((partner_id IS NULL) <> (volunteer_id IS NULL));
ALTER TABLE assignment ADD COLUMN return_reason TEXT;
ALTER TABLE assignment ADD COLUMN resolution_note TEXT;
ALTER TABLE assignment ADD COLUMN resolution_photo_url TEXT;
ALTER TABLE assignment ADD COLUMN resolved_at TIMESTAMPTZ;
CREATE INDEX assignment_offer_due_idx ON assignment (accept_by) WHERE state = 'OFFERED';
CREATE INDEX assignment_volunteer_state_idx ON assignment (volunteer_id, state) WHERE volunteer_id IS NOT NULL;

ALTER TABLE volunteer ADD COLUMN on_duty TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE volunteer ADD COLUMN last_offered_at TIMESTAMPTZ;
CREATE INDEX volunteer_skills_idx ON volunteer USING GIN (skills);

CREATE TABLE volunteer_unavailability (
    id           BIGSERIAL PRIMARY KEY,
    volunteer_id BIGINT NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,
    starts_at    TIMESTAMPTZ NOT NULL,
    ends_at      TIMESTAMPTZ NOT NULL,
    reason       TEXT,
    CHECK (ends_at > starts_at)
);
CREATE INDEX volunteer_unavailability_idx ON volunteer_unavailability (volunteer_id, ends_at);

ALTER TABLE partner_delivery ALTER COLUMN partner_id DROP NOT NULL;
ALTER TABLE partner_delivery ADD COLUMN volunteer_id BIGINT REFERENCES volunteer (id);
