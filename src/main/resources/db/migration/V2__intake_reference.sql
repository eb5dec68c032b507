-- The reference a sender was told for a contact, reserved by the intake edge before the contact is queued, so that a
-- retry of the same contact (same channel and external id) is told the same reference.
CREATE TABLE intake_reference (
    channel     TEXT NOT NULL,
    external_id TEXT NOT NULL,
    reference   TEXT NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (channel, external_id)
);
