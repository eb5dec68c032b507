-- Supervisor and admin screens: the daily overview counts one day's tickets (by creation time, whatever their
-- status; V42 made that index for the rates already), and the audit log is filtered by target alone as well as by
-- type and target.
CREATE INDEX IF NOT EXISTS ticket_created_idx ON ticket (created_at);
CREATE INDEX audit_log_target_only ON audit_log (target, id DESC);
