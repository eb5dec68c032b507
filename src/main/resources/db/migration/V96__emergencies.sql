-- Issue 20, item 5: call assurance escalates in parallel. One row per emergency (a call-assurance alarm), written by
-- the voice line before its contact is queued, keyed by the reference the caller hears. Dispatch offers the ticket
-- at once to the nearest on-duty volunteers and the community's staff (assignments) while the emergency contacts are
-- called and texted; the first accept takes it (state TAKEN) and every other offer is withdrawn. Nobody within
-- hub.assurance.accept-window: ESCALATED, the ticket goes to the top of the operators' queue with a console alert.
-- state: RAISED (waiting for its ticket) -> OFFERED -> TAKEN | ESCALATED.
create table emergency (
    ticket_reference text primary key,
    ticket_id        bigint references ticket (id) on delete cascade,
    state            text not null default 'RAISED',
    raised_at        timestamptz not null,
    offered_at       timestamptz,
    window_ends_at   timestamptz,
    taken_by         text,
    taken_at         timestamptz,
    escalated_at     timestamptz
);

create unique index emergency_ticket on emergency (ticket_id) where ticket_id is not null;
-- the escalation sweep: open emergencies by the end of their window
create index emergency_open on emergency (window_ends_at) where state = 'OFFERED';
