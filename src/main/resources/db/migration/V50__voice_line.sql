-- Voice line (Twilio): every call once by CallSid with its status callbacks (out of order: a status applies only when
-- it ranks above the recorded one), where the caller is in the IVR and the operator queue, the call-back list of
-- calls that left the queue unanswered, and the outbox of outbound calls (the call-back survey by voice).

CREATE TABLE voice_call (
    call_sid         TEXT PRIMARY KEY,
    direction        TEXT NOT NULL,
    from_phone       TEXT,
    to_phone         TEXT,
    resident_id      BIGINT REFERENCES resident (id),
    vulnerable       BOOLEAN NOT NULL DEFAULT FALSE,
    language         TEXT NOT NULL DEFAULT 'zh',
    status           TEXT NOT NULL,
    status_rank      INT NOT NULL,
    duration_s       INT,
    -- MENU (in the IVR) → QUEUED → CONNECTING (redirected to an operator) → CONNECTED; ENDED once over
    stage            TEXT NOT NULL DEFAULT 'MENU',
    topic            TEXT,
    queue            TEXT,
    enqueued_at      TIMESTAMPTZ,
    operator         TEXT,
    taken_at         TIMESTAMPTZ,
    answered_at      TIMESTAMPTZ,
    queue_result     TEXT,
    recording_sid    TEXT,
    ticket_reference TEXT,
    started_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    ended_at         TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX voice_call_live_idx ON voice_call (stage, enqueued_at) WHERE stage <> 'ENDED';

-- Each status Twilio reported for a call, once (a retried callback adds nothing).
CREATE TABLE voice_call_event (
    call_sid    TEXT NOT NULL REFERENCES voice_call (call_sid) ON DELETE CASCADE,
    status      TEXT NOT NULL,
    sequence    INT,
    duration_s  INT,
    at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (call_sid, status)
);

-- Calls to return: abandoned in the queue, the queue failed, or a vulnerable resident hung up in the menu.
CREATE TABLE voice_callback (
    id          BIGSERIAL PRIMARY KEY,
    call_sid    TEXT NOT NULL UNIQUE REFERENCES voice_call (call_sid),
    phone       TEXT,
    resident_id BIGINT REFERENCES resident (id),
    reason      TEXT NOT NULL,
    waited_s    INT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    done_at     TIMESTAMPTZ,
    done_by     TEXT,
    note        TEXT
);
CREATE INDEX voice_callback_open_idx ON voice_callback (created_at) WHERE done_at IS NULL;

-- Outbound calls placed by a route, never inside the transaction that wants them: PENDING → CALLING → ANSWERED;
-- a call nobody answered goes back to PENDING until max_attempts, then GAVE_UP; SANDBOX/FAILED when not placed.
CREATE TABLE voice_outbound (
    id               BIGSERIAL PRIMARY KEY,
    idempotency_key  TEXT NOT NULL UNIQUE,
    purpose          TEXT NOT NULL,
    to_phone         TEXT NOT NULL,
    ticket_reference TEXT NOT NULL,
    language         TEXT NOT NULL DEFAULT 'zh',
    status           TEXT NOT NULL,
    attempts         INT NOT NULL DEFAULT 0,
    max_attempts     INT NOT NULL,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    call_sid         TEXT UNIQUE,
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX voice_outbound_due_idx ON voice_outbound (next_attempt_at) WHERE status = 'PENDING';
