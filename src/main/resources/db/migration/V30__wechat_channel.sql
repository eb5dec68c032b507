-- WeChat Official Account channel: what each push was taken as (WeChat's retries get the same answer), followers
-- and their 48-hour customer-service window, location/image drafts, phone binding codes, the outbound outbox
-- (customer-service and template messages, also the sandbox record), the shared access token and the cursor of the
-- status notices.

-- A resident who only ever wrote on WeChat has an openid and no phone yet (until they bind one).
ALTER TABLE resident ALTER COLUMN phone DROP NOT NULL;

-- dedupe_key: "msg:<MsgId>" for ordinary messages, "ev:<FromUserName>:<CreateTime>:<Event>[:<EventKey>]" for events (protocols.md B.4).
-- contact_json: the InboundContact to put on hub.intake (null when the push was no contact, e.g. a status query);
-- submitted: it reached the intake queue; reply_async: WeChat was answered `success` and the reply goes out as a
-- customer-service message.
CREATE TABLE wechat_inbound (
    dedupe_key   TEXT PRIMARY KEY,
    openid       TEXT NOT NULL,
    kind         TEXT NOT NULL,
    reference    TEXT,
    reply        TEXT NOT NULL,
    contact_json TEXT,
    submitted    BOOLEAN NOT NULL DEFAULT FALSE,
    reply_async  BOOLEAN NOT NULL DEFAULT FALSE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX wechat_inbound_openid_idx ON wechat_inbound (openid, created_at DESC);
CREATE INDEX wechat_inbound_unsubmitted_idx ON wechat_inbound (created_at) WHERE contact_json IS NOT NULL
    AND NOT submitted;

CREATE TABLE wechat_follower (
    openid              TEXT PRIMARY KEY,
    subscribed          BOOLEAN NOT NULL DEFAULT TRUE,
    language            TEXT,
    last_interaction_at TIMESTAMPTZ NOT NULL,
    subscribed_at       TIMESTAMPTZ,
    unsubscribed_at     TIMESTAMPTZ,
    -- binding a phone: the pending phone, a hash of the one-time code sent to it by SMS, until when, wrong tries
    bind_phone          TEXT,
    bind_code_hash      TEXT,
    bind_expires_at     TIMESTAMPTZ,
    bind_attempts       INT NOT NULL DEFAULT 0
);

-- A location or image sent before the resident said what is wrong: attached to their next request.
CREATE TABLE wechat_draft (
    id           BIGSERIAL PRIMARY KEY,
    openid       TEXT NOT NULL,
    dedupe_key   TEXT NOT NULL UNIQUE,
    lat          DOUBLE PRECISION,
    lon          DOUBLE PRECISION,
    label        TEXT,
    media_id     TEXT,
    media_url    TEXT,
    media_type   TEXT,
    used_by      TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX wechat_draft_open_idx ON wechat_draft (openid, created_at) WHERE used_by IS NULL;

-- kind CUSTOMER_SERVICE (客服消息, within 48 h of the resident's last interaction) or TEMPLATE (模板消息);
-- template_data: the template's keywords as JSON, for status messages that may fall back to a template (45015).
CREATE TABLE wechat_outbound (
    id               BIGSERIAL PRIMARY KEY,
    idempotency_key  TEXT NOT NULL UNIQUE,
    openid           TEXT NOT NULL,
    kind             TEXT NOT NULL,
    body             TEXT NOT NULL,
    template_data    TEXT,
    purpose          TEXT NOT NULL,
    ticket_reference TEXT,
    status           TEXT NOT NULL,
    wechat_msgid     TEXT,
    error_code       TEXT,
    attempts         INT NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX wechat_outbound_due_idx ON wechat_outbound (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX wechat_outbound_created_idx ON wechat_outbound (created_at DESC, id DESC);

-- One access token per app id for every hub instance: read and refreshed under SELECT … FOR UPDATE (中控).
CREATE TABLE wechat_access_token (
    app_id        TEXT PRIMARY KEY,
    access_token  TEXT,
    expires_at    TIMESTAMPTZ,
    refreshed_at  TIMESTAMPTZ,
    refresh_count BIGINT NOT NULL DEFAULT 0
);

-- How far the status notices have read the timeline; starts at the end, so history is never re-announced.
CREATE TABLE wechat_notice_cursor (
    id            INT PRIMARY KEY CHECK (id = 1),
    last_event_id BIGINT NOT NULL
);
INSERT INTO wechat_notice_cursor (id, last_event_id) SELECT 1, coalesce(max(id), 0) FROM timeline_event;
