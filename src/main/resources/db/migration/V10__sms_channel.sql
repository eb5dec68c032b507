-- SMS channel (Twilio): what each inbound message was taken as (so Twilio's retries get the same answer), outbound
-- messages with their delivery status (an outbox, also the sandbox record), opt-outs, and the call-back survey.

CREATE TABLE sms_inbound (
    message_sid TEXT PRIMARY KEY,
    from_phone  TEXT NOT NULL,
    kind        TEXT NOT NULL,
    reference   TEXT,
    reply       TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per message sent (or to be sent) through the Twilio API. status is the hub's view (PENDING → SENT,
-- SANDBOX, FAILED, BLOCKED); twilio_status/status_rank follow Twilio's callbacks, which may arrive out of order.
CREATE TABLE outbound_message (
    id              BIGSERIAL PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    to_phone        TEXT NOT NULL,
    body            TEXT NOT NULL,
    purpose         TEXT NOT NULL,
    ticket_reference TEXT,
    segments        INT NOT NULL,
    status          TEXT NOT NULL,
    twilio_sid      TEXT UNIQUE,
    twilio_status   TEXT,
    status_rank     INT NOT NULL DEFAULT 0,
    error_code      TEXT,
    attempts        INT NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX outbound_message_due_idx ON outbound_message (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX outbound_message_created_idx ON outbound_message (created_at DESC, id DESC);

CREATE TABLE sms_opt_out (
    phone         TEXT PRIMARY KEY,
    opted_out_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

ALTER TABLE ticket
    ADD COLUMN survey_requested_at TIMESTAMPTZ,
    ADD COLUMN survey_result       TEXT,
    ADD COLUMN survey_answered_at  TIMESTAMPTZ;
