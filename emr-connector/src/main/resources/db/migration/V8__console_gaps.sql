-- Console gaps (issue 14): authenticator codes already used, so a code cannot sign in twice within its window.
-- One row per staff member and RFC 6238 time step; the primary key makes two concurrent sign-ins with the same
-- code race on one INSERT: at most one inserts the row, the other is refused. Rows older than the verifier's window
-- are deleted by the sign-in check itself.
CREATE TABLE staff_totp_used (
    staff_id UUID        NOT NULL REFERENCES staff_accounts (id),
    -- the time step (Unix seconds / 30) whose code was accepted
    step     BIGINT      NOT NULL,
    used_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (staff_id, step)
);
