-- Operator casework: a duplicate of one incident is merged into the ticket that carries on (status MERGED, pointing at
-- it); the ticket page lists the messages sent about a ticket, found by its reference.
ALTER TABLE ticket ADD COLUMN merged_into_id BIGINT REFERENCES ticket (id);
CREATE INDEX ticket_merged_into_idx ON ticket (merged_into_id) WHERE merged_into_id IS NOT NULL;
CREATE INDEX outbound_message_ticket_idx ON outbound_message (ticket_reference, id) WHERE ticket_reference IS NOT NULL;
