-- Issue 16, item 5: one outbox for everything the hub sends (partner webhooks and queues, partner and resident SMS,
-- WeChat messages, voice call-backs), claimed, retried and given up by one worker (outbound.OutboxWorker). The four
-- outbox tables it replaces stay readable as views of the same names and columns.

-- stream: which of the hub's outbound kinds a row is (partner | sms | wechat | voice); channel: how it leaves
-- (WEBHOOK, JMS, SMS for partners; SMS, WECHAT, VOICE). recipient: the partner's or volunteer's code, the phone or the
-- openid, the unit of the per-recipient concurrency limit. topic: the partner event type or the message's purpose.
-- status is the stream's own (PENDING until sent; DELIVERED/DEAD, SENT/SANDBOX/BLOCKED/FAILED, CALLING/ANSWERED/
-- GAVE_UP …); only PENDING rows are ever claimed. A claimed row's next_attempt_at is its lease.
-- external_id/external_status: what the channel's provider calls the message (Twilio sid and status, WeChat msgid
-- and the kind it went out as), updated by its callbacks.
CREATE TABLE outbox (
    id               BIGSERIAL PRIMARY KEY,
    stream           TEXT NOT NULL,
    channel          TEXT NOT NULL,
    recipient        TEXT NOT NULL,
    idempotency_key  TEXT NOT NULL,
    topic            TEXT NOT NULL,
    body             TEXT NOT NULL,
    ticket_reference TEXT,
    partner_id       BIGINT REFERENCES partner (id),
    volunteer_id     BIGINT REFERENCES volunteer (id),
    assignment_id    BIGINT REFERENCES assignment (id),
    segments         INT,
    template_data    TEXT,
    language         TEXT,
    max_attempts     INT,
    status           TEXT NOT NULL,
    attempts         INT NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    give_up_at       TIMESTAMPTZ NOT NULL,
    last_error       TEXT,
    error_code       TEXT,
    external_id      TEXT,
    external_status  TEXT,
    status_rank      INT NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_at     TIMESTAMPTZ,
    legacy_id        BIGINT,
    CONSTRAINT outbox_key UNIQUE (stream, idempotency_key)
);
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at, id) WHERE status = 'PENDING';
-- Not unique: WeChat may give two template messages the same msgid.
CREATE INDEX outbox_external_idx ON outbox (external_id) WHERE external_id IS NOT NULL;
CREATE INDEX outbox_listing_idx ON outbox (stream, created_at DESC, id DESC);
CREATE INDEX outbox_ticket_idx ON outbox (ticket_reference, id) WHERE ticket_reference IS NOT NULL;
CREATE INDEX outbox_assignment_idx ON outbox (assignment_id, topic) WHERE assignment_id IS NOT NULL;

-- Voice calls keep their ids: a call in progress carries its id in the URLs Twilio calls back. Every other row gets
-- an id above all old ids, so no new dead letter's message id can meet an old one.
INSERT INTO outbox (id, stream, channel, recipient, idempotency_key, topic, body, ticket_reference, language,
        max_attempts, status, attempts, next_attempt_at, give_up_at, last_error, external_id, created_at, updated_at)
    SELECT id, 'voice', 'VOICE', to_phone, idempotency_key, purpose, '', ticket_reference, language, max_attempts,
        status, attempts, next_attempt_at, greatest(next_attempt_at, now()) + interval '24 hours', last_error,
        call_sid, created_at, updated_at
    FROM voice_outbound;
SELECT setval(pg_get_serial_sequence('outbox', 'id'), greatest(
    (SELECT coalesce(max(id), 0) FROM voice_outbound), (SELECT coalesce(max(id), 0) FROM partner_delivery),
    (SELECT coalesce(max(id), 0) FROM outbound_message), (SELECT coalesce(max(id), 0) FROM wechat_outbound), 1));

INSERT INTO outbox (stream, channel, recipient, idempotency_key, topic, body, partner_id, volunteer_id,
        assignment_id, status, attempts, next_attempt_at, give_up_at, last_error, created_at, updated_at,
        delivered_at, legacy_id)
    SELECT 'partner', d.channel, coalesce(p.code, v.code, '?'), d.idempotency_key, d.event_type, d.body,
        d.partner_id, d.volunteer_id, d.assignment_id, d.status, d.attempts, d.next_attempt_at, d.give_up_at,
        d.last_error, d.created_at, coalesce(d.delivered_at, d.created_at), d.delivered_at, d.id
    FROM partner_delivery d LEFT JOIN partner p ON p.id = d.partner_id LEFT JOIN volunteer v ON v.id = d.volunteer_id
    ORDER BY d.id;
-- A replay of a partner delivery's dead letter finds the delivery under its new id.
UPDATE dead_letter l SET destination = 'partner-delivery:' || o.id
    FROM outbox o WHERE o.stream = 'partner' AND l.destination = 'partner-delivery:' || o.legacy_id;

INSERT INTO outbox (stream, channel, recipient, idempotency_key, topic, body, ticket_reference, segments, status,
        attempts, next_attempt_at, give_up_at, last_error, error_code, external_id, external_status, status_rank,
        created_at, updated_at)
    SELECT 'sms', 'SMS', to_phone, idempotency_key, purpose, body, ticket_reference, segments, status, attempts,
        next_attempt_at, greatest(next_attempt_at, now()) + interval '24 hours', last_error, error_code, twilio_sid,
        twilio_status, status_rank, created_at, updated_at
    FROM outbound_message ORDER BY id;

INSERT INTO outbox (stream, channel, recipient, idempotency_key, topic, body, ticket_reference, template_data,
        status, attempts, next_attempt_at, give_up_at, last_error, error_code, external_id, external_status,
        created_at, updated_at)
    SELECT 'wechat', 'WECHAT', openid, idempotency_key, purpose, body, ticket_reference, template_data, status,
        attempts, next_attempt_at, greatest(next_attempt_at, now()) + interval '24 hours', last_error, error_code,
        wechat_msgid, kind, created_at, updated_at
    FROM wechat_outbound ORDER BY id;

ALTER TABLE outbox DROP COLUMN legacy_id;
DROP TABLE partner_delivery, outbound_message, wechat_outbound, voice_outbound;

-- The old tables as views, for the operators' SQL, the benchmark and the fault suite that read them.
CREATE VIEW partner_delivery AS
    SELECT id, partner_id, assignment_id, channel, topic AS event_type, idempotency_key, body, status, attempts,
        next_attempt_at, give_up_at, last_error, created_at, delivered_at, volunteer_id
    FROM outbox WHERE stream = 'partner';
CREATE VIEW outbound_message AS
    SELECT id, idempotency_key, recipient AS to_phone, body, topic AS purpose, ticket_reference, segments, status,
        external_id AS twilio_sid, external_status AS twilio_status, status_rank, error_code, attempts,
        next_attempt_at, last_error, created_at, updated_at
    FROM outbox WHERE stream = 'sms';
CREATE VIEW wechat_outbound AS
    SELECT id, idempotency_key, recipient AS openid, coalesce(external_status, 'CUSTOMER_SERVICE') AS kind, body,
        template_data, topic AS purpose, ticket_reference, status, external_id AS wechat_msgid, error_code, attempts,
        next_attempt_at, last_error, created_at, updated_at
    FROM outbox WHERE stream = 'wechat';
CREATE VIEW voice_outbound AS
    SELECT id, idempotency_key, topic AS purpose, recipient AS to_phone, ticket_reference, language, status,
        attempts, max_attempts, next_attempt_at, external_id AS call_sid, last_error, created_at, updated_at
    FROM outbox WHERE stream = 'voice';
