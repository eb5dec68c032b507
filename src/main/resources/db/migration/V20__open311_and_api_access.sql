-- Open311 GeoReport v2 and the REST API: custom attributes of catalog entries, the attribute answers of a ticket,
-- API clients (hashed keys, roles) and users of the console/API (bcrypt), and what an Open311 client filed.

-- Custom attributes of a catalog entry (Open311 service definition): a JSON array of
-- {code, datatype, required, variable, order, description: {zh, en}, datatypeDescription, values: [{key, name}]}.
ALTER TABLE catalog_entry ADD COLUMN attributes JSONB NOT NULL DEFAULT '[]';

-- Answers to those attributes: {"code": ["value", ...]} (one value except for multivaluelist).
ALTER TABLE ticket ADD COLUMN attributes JSONB NOT NULL DEFAULT '{}';

CREATE TABLE api_client (
    id         BIGSERIAL PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    key_hash   TEXT NOT NULL UNIQUE,
    roles      TEXT[] NOT NULL DEFAULT '{}',
    active     BOOLEAN NOT NULL DEFAULT TRUE,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE hub_user (
    id            BIGSERIAL PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT,
    password_hash TEXT NOT NULL,
    roles         TEXT[] NOT NULL DEFAULT '{}',
    active        BOOLEAN NOT NULL DEFAULT TRUE,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One POST requests of an Open311 client, written by the edge before the contact is queued: the token answers
-- GET tokens/{id}, and GET requests/{id} can answer from here in the moment before intake has made the ticket.
CREATE TABLE open311_request (
    token        TEXT PRIMARY KEY,
    reference    TEXT NOT NULL UNIQUE,
    client_code  TEXT NOT NULL,
    service_code TEXT NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL,
    description  TEXT,
    address      TEXT,
    address_id   TEXT,
    lat          DOUBLE PRECISION,
    lon          DOUBLE PRECISION,
    media_url    TEXT
);
