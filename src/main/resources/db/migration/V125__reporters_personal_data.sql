-- Issue 21, reporters' personal data: an incident_link row keeps the reporter's resident, so it follows the rules the
-- tickets follow (retention/PersonalDataRules). An erasure finds a resident's links by this index, and deleting a
-- resident (ON DELETE SET NULL) no longer reads every link to find theirs.
create index incident_link_resident_idx on incident_link (resident_id) where resident_id is not null;

-- Check-in rows (V103) expire by their day (hub.retention.check-ins); the nightly job reads them by this index.
create index resident_check_in_day_idx on resident_check_in (day);
