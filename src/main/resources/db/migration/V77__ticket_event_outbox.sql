-- Issue 16 (6): every change of a ticket's state is an event on hub.events (docs/events.md). A change made by an HTTP
-- request or a timer writes its event here in the same transaction; the relay (routes/TicketEventRelay) publishes
-- unsent rows with event_id as the broker's duplicate-detection id, then marks them sent. Rows claimed with
-- FOR UPDATE SKIP LOCKED, so several hub instances relay side by side; sent rows are purged after a day.
CREATE TABLE ticket_event_outbox (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL,
    ticket_id    BIGINT NOT NULL,
    reference    TEXT,
    occurred_at  TIMESTAMPTZ NOT NULL,
    actor        TEXT,
    channel      TEXT,
    detail       TEXT,
    timeline_id  BIGINT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at      TIMESTAMPTZ
);
CREATE INDEX ticket_event_outbox_unsent ON ticket_event_outbox (id) WHERE sent_at IS NULL;
CREATE INDEX ticket_event_outbox_sent ON ticket_event_outbox (sent_at) WHERE sent_at IS NOT NULL;

-- WeChat status notices came from polling the timeline past this cursor; they come from the events now. Changes the
-- poller had not reached yet are handed over as events, so no resident misses one across the upgrade (the notice's
-- key, notice-<timeline id>, is the one the poller used: nothing is sent twice).
INSERT INTO ticket_event_outbox (event_id, kind, ticket_id, reference, occurred_at, actor, channel, detail,
        timeline_id)
SELECT 'timeline-' || e.id, k.kind, e.ticket_id, t.reference, e.at, e.actor, e.channel, e.detail, e.id
FROM timeline_event e
JOIN ticket t ON t.id = e.ticket_id
JOIN (VALUES ('DISPATCHED', 'DISPATCHED'), ('ACCEPTED', 'ACCEPTED'), ('PROGRESS', 'IN_PROGRESS'),
             ('REOPENED', 'REOPENED')) AS k (timeline_kind, kind) ON k.timeline_kind = e.kind
WHERE e.id > (SELECT last_event_id FROM wechat_notice_cursor WHERE id = 1)
ORDER BY e.id;

DROP TABLE wechat_notice_cursor;
