-- Domain model of design.md §4: places, residents, catalog, partners, volunteers,
-- inbound contacts, tickets, assignments, timeline; plus the partner-delivery outbox and dead letters.

CREATE TABLE place (
    id          BIGSERIAL PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    type        TEXT NOT NULL,
    parent_id   BIGINT REFERENCES place (id),
    name_zh     TEXT NOT NULL,
    name_en     TEXT,
    aliases     TEXT[] NOT NULL DEFAULT '{}',
    address     TEXT,
    lat         DOUBLE PRECISION,
    lon         DOUBLE PRECISION,
    active      BOOLEAN NOT NULL DEFAULT TRUE,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX place_parent_idx ON place (parent_id);
CREATE INDEX place_type_idx ON place (type) WHERE active;

CREATE TABLE catalog_entry (
    id              BIGSERIAL PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,
    name_zh         TEXT NOT NULL,
    name_en         TEXT,
    group_code      TEXT,
    keywords_zh     TEXT[] NOT NULL DEFAULT '{}',
    keywords_en     TEXT[] NOT NULL DEFAULT '{}',
    urgency         TEXT NOT NULL,
    accept_within_s BIGINT NOT NULL,
    resolve_within_s BIGINT NOT NULL,
    party_type      TEXT NOT NULL,
    fallback_types  TEXT[] NOT NULL DEFAULT '{}',
    skills          TEXT[] NOT NULL DEFAULT '{}',
    version         INT NOT NULL DEFAULT 1,
    active          BOOLEAN NOT NULL DEFAULT TRUE,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE partner (
    id              BIGSERIAL PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,
    type            TEXT NOT NULL,
    name_zh         TEXT NOT NULL,
    name_en         TEXT,
    delivery_channel TEXT NOT NULL,
    webhook_url     TEXT,
    webhook_secret  TEXT,
    api_key_hash    TEXT UNIQUE,
    phone           TEXT,
    contact         TEXT,
    give_up_after_s BIGINT,
    active          BOOLEAN NOT NULL DEFAULT TRUE,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX partner_type_idx ON partner (type) WHERE active;

CREATE TABLE partner_area (
    partner_id BIGINT NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
    place_id   BIGINT NOT NULL REFERENCES place (id),
    PRIMARY KEY (partner_id, place_id)
);
CREATE INDEX partner_area_place_idx ON partner_area (place_id);

CREATE TABLE partner_service (
    partner_id   BIGINT NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
    catalog_code TEXT NOT NULL,
    PRIMARY KEY (partner_id, catalog_code)
);

CREATE TABLE volunteer (
    id         BIGSERIAL PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    phone      TEXT NOT NULL,
    grid_id    BIGINT REFERENCES place (id),
    skills     TEXT[] NOT NULL DEFAULT '{}',
    active     BOOLEAN NOT NULL DEFAULT TRUE,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX volunteer_grid_idx ON volunteer (grid_id) WHERE active;

CREATE TABLE resident (
    id                 BIGSERIAL PRIMARY KEY,
    phone              TEXT NOT NULL UNIQUE,
    name               TEXT,
    address            TEXT,
    place_id           BIGINT REFERENCES place (id),
    flags              TEXT[] NOT NULL DEFAULT '{}',
    language           TEXT NOT NULL DEFAULT 'zh',
    emergency_contacts TEXT[] NOT NULL DEFAULT '{}',
    wechat_openid      TEXT UNIQUE,
    registered         BOOLEAN NOT NULL DEFAULT FALSE,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Ticket references are handed out in blocks of 100 per hub instance (hi/lo), so the edge never waits for the
-- database to number a contact; 10000000 + check digit gives 9-digit references.
CREATE SEQUENCE ticket_reference_block_seq START WITH 10000000 INCREMENT BY 100;

CREATE TABLE ticket (
    id          BIGSERIAL PRIMARY KEY,
    reference   TEXT NOT NULL UNIQUE,
    channel     TEXT NOT NULL,
    resident_id BIGINT REFERENCES resident (id),
    category_id BIGINT REFERENCES catalog_entry (id),
    description TEXT NOT NULL,
    language    TEXT NOT NULL DEFAULT 'zh',
    place_id    BIGINT REFERENCES place (id),
    address     TEXT,
    lat         DOUBLE PRECISION,
    lon         DOUBLE PRECISION,
    priority    TEXT NOT NULL,
    status      TEXT NOT NULL,
    triage_reason TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX ticket_status_created_idx ON ticket (status, created_at DESC, id DESC);
CREATE INDEX ticket_resident_idx ON ticket (resident_id);

-- A double-submitted contact that was told another reference before dedupe: that reference leads to the same ticket.
CREATE TABLE ticket_alias (
    reference TEXT PRIMARY KEY,
    ticket_id BIGINT NOT NULL REFERENCES ticket (id)
);

CREATE TABLE inbound_contact (
    id          BIGSERIAL PRIMARY KEY,
    channel     TEXT NOT NULL,
    external_id TEXT NOT NULL,
    reference   TEXT,
    received_at TIMESTAMPTZ NOT NULL,
    phone       TEXT,
    body        TEXT,
    ticket_id   BIGINT REFERENCES ticket (id),
    resident_id BIGINT REFERENCES resident (id),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT inbound_contact_channel_external_uk UNIQUE (channel, external_id)
);
CREATE INDEX inbound_contact_ticket_idx ON inbound_contact (ticket_id);

CREATE TABLE attachment (
    id           BIGSERIAL PRIMARY KEY,
    ticket_id    BIGINT NOT NULL REFERENCES ticket (id),
    filename     TEXT,
    content_type TEXT,
    size_bytes   BIGINT,
    data         BYTEA,
    url          TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX attachment_ticket_idx ON attachment (ticket_id);

CREATE TABLE assignment (
    id           BIGSERIAL PRIMARY KEY,
    ticket_id    BIGINT NOT NULL REFERENCES ticket (id),
    partner_id   BIGINT NOT NULL REFERENCES partner (id),
    role         TEXT NOT NULL,
    state        TEXT NOT NULL,
    reason       TEXT NOT NULL,
    offered_at   TIMESTAMPTZ NOT NULL,
    accept_by    TIMESTAMPTZ NOT NULL,
    resolve_by   TIMESTAMPTZ NOT NULL,
    accepted_at  TIMESTAMPTZ,
    closed_reason TEXT,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX assignment_ticket_idx ON assignment (ticket_id);
CREATE INDEX assignment_partner_state_idx ON assignment (partner_id, state, id);

CREATE TABLE timeline_event (
    id        BIGSERIAL PRIMARY KEY,
    ticket_id BIGINT NOT NULL REFERENCES ticket (id),
    at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    kind      TEXT NOT NULL,
    actor     TEXT NOT NULL,
    channel   TEXT,
    detail    TEXT
);
CREATE INDEX timeline_event_ticket_idx ON timeline_event (ticket_id, id);

-- Outbox of deliveries to partners (webhook, JMS queue): written in the dispatch transaction, sent by the delivery
-- worker with exponential backoff until the partner's give-up time, then dead-lettered.
CREATE TABLE partner_delivery (
    id              BIGSERIAL PRIMARY KEY,
    partner_id      BIGINT NOT NULL REFERENCES partner (id),
    assignment_id   BIGINT REFERENCES assignment (id),
    channel         TEXT NOT NULL,
    event_type      TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    body            TEXT NOT NULL,
    status          TEXT NOT NULL,
    attempts        INT NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    give_up_at      TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_at    TIMESTAMPTZ
);
CREATE INDEX partner_delivery_due_idx ON partner_delivery (next_attempt_at) WHERE status = 'PENDING';

CREATE TABLE dead_letter (
    id               BIGSERIAL PRIMARY KEY,
    message_id       TEXT NOT NULL UNIQUE,
    source           TEXT NOT NULL,
    reason           TEXT NOT NULL,
    destination      TEXT NOT NULL,
    body             TEXT NOT NULL,
    headers          TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    replay_count     INT NOT NULL DEFAULT 0,
    last_replayed_at TIMESTAMPTZ,
    replayed         BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX dead_letter_open_idx ON dead_letter (created_at DESC) WHERE NOT replayed;
