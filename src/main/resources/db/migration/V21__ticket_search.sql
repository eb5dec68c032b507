-- Full-text search over tickets for the REST API: words (tsvector, 'simple' so that no language's stemming hides a
-- term) and substrings through trigrams, which also finds Chinese phrases that have no spaces to split on.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE ticket ADD COLUMN search_text TEXT GENERATED ALWAYS AS (
    reference || ' ' || coalesce(description, '') || ' ' || coalesce(address, '')) STORED;
ALTER TABLE ticket ADD COLUMN search_vector TSVECTOR GENERATED ALWAYS AS (
    to_tsvector('simple', reference || ' ' || coalesce(description, '') || ' ' || coalesce(address, ''))) STORED;
CREATE INDEX ticket_search_vector_idx ON ticket USING GIN (search_vector);
CREATE INDEX ticket_search_trgm_idx ON ticket USING GIN (search_text gin_trgm_ops);
-- Keyset paging of the API walks tickets by id, newest first; the filters below narrow it.
CREATE INDEX ticket_channel_idx ON ticket (channel, id DESC);
CREATE INDEX ticket_category_idx ON ticket (category_id, id DESC);
CREATE INDEX ticket_place_idx ON ticket (place_id, id DESC);
CREATE INDEX assignment_partner_ticket_idx ON assignment (partner_id, ticket_id);
