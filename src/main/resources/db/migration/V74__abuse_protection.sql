-- Issue 15: replays, account-lockout abuse and sessions that outlive a logout.

-- One-time values (a WeChat push's timestamp+nonce+signature, a report form's token) and the hash of the body they
-- first came with. A second use with the same body is a sender's retry and is let through; with another body it is a
-- replay and refused. Shared by every hub node; rows past expires_at are purged (store/OneTimeUseQueries).
CREATE TABLE one_time_use (
    use_key     TEXT PRIMARY KEY,
    body_hash   TEXT NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX one_time_use_expiry ON one_time_use (expires_at);

-- Wrong passwords are counted per client address and account, with a growing pause, instead of locking the
-- account for everyone: one address guessing cannot lock the owner out.
CREATE TABLE sign_in_throttle (
    username       TEXT NOT NULL,
    client         TEXT NOT NULL,
    failures       INT NOT NULL DEFAULT 0,
    blocked_until  TIMESTAMPTZ,
    last_failure   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (username, client)
);
CREATE INDEX sign_in_throttle_age ON sign_in_throttle (last_failure);

-- Raised on logout, password change and role change: every session cookie names the version it was issued under,
-- and one of an older version is refused at its next request.
ALTER TABLE hub_user ADD COLUMN session_version INT NOT NULL DEFAULT 0;
