-- Dispatch keeps the partner it found for a (party types, service, place chain) in memory, as it keeps the places and
-- the catalog (V67): a new ticket of a common kind at a common place needs no query for its partner. So any committed
-- change to the partners, their areas or their services notifies the same channel, and every node drops what it
-- holds (store/ReferenceChangeListener, store/PartnerRepository).
create trigger partner_notify_change after insert or update or delete or truncate on partner
  for each statement execute function notify_reference_changed();

create trigger partner_area_notify_change after insert or update or delete or truncate on partner_area
  for each statement execute function notify_reference_changed();

create trigger partner_service_notify_change after insert or update or delete or truncate on partner_service
  for each statement execute function notify_reference_changed();
