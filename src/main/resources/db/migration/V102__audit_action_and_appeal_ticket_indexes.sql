-- The audit page filters by action (e.g. every ruling on a return), newest first; the ticket page lists the appeals
-- on the ticket's assignments.
CREATE INDEX audit_log_action ON audit_log (action, id DESC);
CREATE INDEX survey_appeal_ticket_idx ON survey_appeal (ticket_id, id);
