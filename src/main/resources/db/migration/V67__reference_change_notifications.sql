-- Dispatch holds the place hierarchy and the catalog's rules in memory on every hub node (target P6). Any committed
-- change to either table, by a hub node or by anyone else with SQL, notifies channel hub_reference_changed; each
-- node listens there and reloads (store/ReferenceChangeListener). One notification per statement; PostgreSQL
-- delivers them at commit and folds identical ones within a transaction.
create function notify_reference_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('hub_reference_changed', tg_table_name);
  return null;
end
$$;

create trigger place_notify_change after insert or update or delete or truncate on place
  for each statement execute function notify_reference_changed();

create trigger catalog_entry_notify_change after insert or update or delete or truncate on catalog_entry
  for each statement execute function notify_reference_changed();
