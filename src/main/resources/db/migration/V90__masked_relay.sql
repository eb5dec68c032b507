-- Number masking through the hotline (issue 20, item 1). A partner's contact phones besides its SMS phone: a call or
-- text from any of them is the partner's, for the masked relay to its residents.
alter table partner add column phones text[] not null default '{}';

-- The masked relay's conversations: the holder of an accepted assignment (the phone they used) called or texted the
-- ticket's resident through the hub at last_at. A resident's text within hub.relay.reply-window of last_at, while the
-- assignment is still accepted or in progress, goes back to that phone. One row per assignment and holder phone.
create table masked_relay (
    id             bigserial primary key,
    assignment_id  bigint not null references assignment (id) on delete cascade,
    ticket_id      bigint not null references ticket (id) on delete cascade,
    holder_phone   text not null,
    resident_phone text not null,
    last_at        timestamptz not null,
    unique (assignment_id, holder_phone)
);
create index masked_relay_resident_idx on masked_relay (resident_phone, last_at desc);

-- Each relayed step once (a call by its CallSid and outcome, a text by its MessageSid): Twilio's retries of a webhook
-- neither send a text twice nor write the timeline twice.
create table masked_relay_step (
    step_key text primary key,
    at       timestamptz not null
);
