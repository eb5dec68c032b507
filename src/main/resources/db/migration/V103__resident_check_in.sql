-- Issue 20, item 5 ("a missed check-in"): a registered elderly or disabled resident may have a daily check-in, due by
-- a local time of day (reference data residents[].check-in.by, in hub.deadlines.zone). The resident checks in by
-- calling the hotline from the registered phone or texting a check-in word. One row per resident and local day: the
-- check-in, or the miss the sweep claimed (its insert is the claim, so a miss raises one emergency per resident and
-- day across nodes and restarts) with the reference of the urgent ticket it raised.
alter table resident add column check_in_by time;

create table resident_check_in (
    resident_id      bigint not null references resident (id) on delete cascade,
    day              date not null,
    checked_in_at    timestamptz,
    channel          text,
    missed_at        timestamptz,
    ticket_reference text,
    primary key (resident_id, day)
);

-- the sweep reads only residents with a check-in
create index resident_check_in_due on resident (check_in_by) where check_in_by is not null and registered;
