-- The practice console (issue 14): staff accounts and their practices, the staff audit log, refund requests asked
-- from the console, receipt branding texts (the logo stays in practice_logos, V6), the patient funnel's daily
-- counts, reconciliation runs; and the indexes the console's payment list and ROI read with.

-- Patient payments that are neither online, in office nor by mail (money orders, payment-plan transfers…).
INSERT INTO payment_sources (code, description) VALUES ('OTHER', 'Other patient payment');

CREATE TABLE staff_accounts (
    id            UUID PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    display_name  TEXT         NOT NULL,
    -- Argon2id PHC string (password4j): $argon2id$v=19$m=…,t=…,p=…$salt$hash
    password_hash TEXT         NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    -- base32 RFC 6238 secret; required (by the sign-in check) for members whose role can refund
    totp_secret   VARCHAR(64),
    -- the PMS vendor's support: read-only across every practice
    support       BOOLEAN      NOT NULL DEFAULT FALSE,
    active        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX staff_accounts_email_uq ON staff_accounts (lower(email));

CREATE TABLE staff_memberships (
    staff_id    UUID        NOT NULL REFERENCES staff_accounts (id),
    practice_id UUID        NOT NULL REFERENCES practices (id),
    role        VARCHAR(20) NOT NULL CHECK (role IN ('PRACTICE_ADMIN', 'BILLING')),
    PRIMARY KEY (staff_id, practice_id)
);
CREATE INDEX staff_memberships_practice_idx ON staff_memberships (practice_id);

-- Who did what, where and when; ids and amounts only (no names, account numbers, emails).
CREATE TABLE staff_audit_log (
    id             BIGSERIAL PRIMARY KEY,
    occurred_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    staff_id       UUID        NOT NULL REFERENCES staff_accounts (id),
    practice_id    UUID        REFERENCES practices (id),
    action         VARCHAR(40) NOT NULL CHECK (action IN ('SIGN_IN', 'SIGN_OUT', 'VIEW_PRACTICE', 'VIEW_PAYMENTS',
        'VIEW_PAYMENT', 'EXPORT_PAYMENTS', 'VIEW_RECEIPT', 'REFUND_REQUESTED', 'VIEW_BRANDING', 'BRANDING_SAVED',
        'BRANDING_PREVIEWED', 'BRANDING_PUBLISHED', 'VIEW_ROI', 'STATEMENT_LINK', 'STATEMENT_EXPORT',
        'PAYMENT_LINK_EMAILED', 'VIEW_OPERATIONS', 'DLQ_REPLAY', 'RECONCILIATION_RUN')),
    transaction_id UUID,
    amount_cents   BIGINT,
    -- an opaque reference (refund request id, number of rows exported); never PII
    reference      VARCHAR(255)
);
CREATE INDEX staff_audit_log_tx_idx ON staff_audit_log (transaction_id) WHERE transaction_id IS NOT NULL;
CREATE INDEX staff_audit_log_practice_idx ON staff_audit_log (practice_id, occurred_at);
CREATE TRIGGER staff_audit_log_append_only BEFORE UPDATE OR DELETE ON staff_audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_rewrite();

-- A refund asked from the console. The ledger changes only when the provider's refund event posts `refunds`;
-- until a row there carries provider_refund_id, the console shows the request as pending.
CREATE TABLE refund_requests (
    id                 UUID PRIMARY KEY,
    transaction_id     UUID         NOT NULL REFERENCES transactions (id),
    staff_id           UUID         NOT NULL REFERENCES staff_accounts (id),
    amount_cents       BIGINT       NOT NULL CHECK (amount_cents > 0),
    reason             VARCHAR(30)  NOT NULL CHECK (reason IN ('REQUESTED_BY_CUSTOMER', 'DUPLICATE', 'FRAUDULENT',
        'OTHER')),
    note               VARCHAR(500),
    idempotency_key    VARCHAR(100) NOT NULL UNIQUE,
    status             VARCHAR(10)  NOT NULL DEFAULT 'REQUESTED' CHECK (status IN ('REQUESTED', 'SUBMITTED',
        'REFUSED')),
    provider_refund_id VARCHAR(255) UNIQUE,
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX refund_requests_tx_idx ON refund_requests (transaction_id);

-- Receipt branding texts, draft and published (the logo is practice_logos, V6).
CREATE TABLE receipt_branding (
    practice_id    UUID        NOT NULL REFERENCES practices (id),
    state          VARCHAR(10) NOT NULL CHECK (state IN ('DRAFT', 'PUBLISHED')),
    signature_text VARCHAR(200),
    footer_text    VARCHAR(500),
    -- the draft prints no logo; publishing it removes the published logo
    logo_removed   BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (practice_id, state)
);

-- The patient funnel per practice and day (counts only).
CREATE TABLE funnel_daily (
    practice_id UUID        NOT NULL REFERENCES practices (id),
    day         DATE        NOT NULL,
    step        VARCHAR(20) NOT NULL CHECK (step IN ('LANDING', 'SIGNED_IN', 'PAYMENT_STARTED', 'PAYMENT_COMPLETED')),
    count       BIGINT      NOT NULL CHECK (count >= 0),
    PRIMARY KEY (practice_id, day, step)
);

CREATE TABLE reconciliation_runs (
    id          BIGSERIAL PRIMARY KEY,
    started_at  TIMESTAMPTZ NOT NULL,
    window_from TIMESTAMPTZ NOT NULL,
    window_to   TIMESTAMPTZ NOT NULL,
    checked     INTEGER     NOT NULL CHECK (checked >= 0),
    repaired    INTEGER     NOT NULL CHECK (repaired >= 0)
);
CREATE INDEX reconciliation_runs_started_idx ON reconciliation_runs (started_at DESC);

-- The console's payment list (newest first per practice and source, keyset pagination) and the ROI's range scans.
CREATE INDEX transactions_practice_source_paid_idx ON transactions (practice_id, source, paid_at DESC, id DESC);
CREATE INDEX transactions_practice_paid_idx ON transactions (practice_id, paid_at);
CREATE INDEX charges_location_idx ON charges (location_id);
