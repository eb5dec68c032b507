-- The intake edge no longer writes a row per contact before answering (issue 16: no database round trip on the
-- acknowledgement path). The reference a sender was told is remembered in memory for retries; inbound_contact keeps
-- (channel, external id) → reference durably, and a retry told another reference becomes a ticket alias.
DROP TABLE intake_reference;
