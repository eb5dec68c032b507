-- The dispatch catalog in versions (issue 22 item 4). Every publication of the catalog entries' dispatch rules and
-- the partners' areas and services is a row here: the hub's own publish of the draft, a rollback to an earlier
-- version, and every reference-data import or form save that wrote catalog entries or partners. `content` is what
-- the catalog and the partners said once the publication was written (the values a rollback writes back).
create table catalog_version (
  version      integer primary key,
  published_at timestamptz not null,
  published_by text not null,
  source       text not null check (source in ('publish', 'rollback', 'import')),
  note         text,
  rolled_back_to integer references catalog_version (version),
  content      jsonb not null
);

-- The one draft (at most one row): edits to catalog entries (their party type, fallbacks and other fields) and to
-- partners' areas and services, kept until published or discarded. `items` is a list of
-- {kind, code, fields, by, at}; only the fields an editor changed are kept, the rest follow the published values.
create table catalog_draft (
  id          integer primary key default 1 check (id = 1),
  created_by  text not null,
  created_at  timestamptz not null,
  updated_by  text not null,
  updated_at  timestamptz not null,
  base_version integer,
  items       jsonb not null default '[]'
);

-- The catalog version a dispatch decision used (null for a choice made by a person, and for assignments older than
-- the versions). Taken from the in-memory reference snapshot, so it costs the pipeline no query.
alter table assignment add column catalog_version integer;

-- A publication that changes no row of catalog_entry or partner (a rollback to what is already there) must still
-- reach every node's snapshot, which carries the version number (store/ReferenceSnapshot).
create trigger catalog_version_notify_change after insert or update or delete or truncate on catalog_version
  for each statement execute function notify_reference_changed();
