-- Form sign-in for the console and the partner portal: a portal user belongs to one partner, and repeated wrong
-- passwords lock an account for a while (counted per user, reset on success).
ALTER TABLE hub_user
    ADD COLUMN partner_id     BIGINT REFERENCES partner (id),
    ADD COLUMN failed_logins  INT NOT NULL DEFAULT 0,
    ADD COLUMN locked_until   TIMESTAMPTZ,
    ADD COLUMN last_login_at  TIMESTAMPTZ;

CREATE INDEX hub_user_partner ON hub_user (partner_id) WHERE partner_id IS NOT NULL;
