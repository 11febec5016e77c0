-- Additions for online patient payments (seed 000 §3). Ledger tables are append-only: applications and reversals are
-- rows, history is never rewritten. Idempotency is enforced by UNIQUE constraints, not by check-then-insert.

CREATE TABLE payment_sources (
    code        VARCHAR(40) PRIMARY KEY,
    description TEXT NOT NULL
);
INSERT INTO payment_sources (code, description) VALUES
    ('CASH', 'Cash at the front desk'),
    ('CHECK', 'Paper check'),
    ('CARD_IN_OFFICE', 'Card terminal in the office'),
    ('INSURANCE', 'Insurance payment'),
    ('ONLINE_PATIENT_PAYMENT', 'Online patient payment');

-- One row per payment the patient started; kept for good (provider webhooks retry for days).
CREATE TABLE payment_attempts (
    id                 UUID PRIMARY KEY,
    practice_id        UUID        NOT NULL REFERENCES practices (id),
    household_id       UUID        NOT NULL REFERENCES households (id),
    amount_cents       BIGINT      NOT NULL CHECK (amount_cents > 0),
    currency           CHAR(3)     NOT NULL,
    idempotency_key    VARCHAR(200) NOT NULL,
    provider_intent_id VARCHAR(255) UNIQUE,
    status             VARCHAR(20) NOT NULL,
    failure_code       VARCHAR(100),
    failure_message    VARCHAR(500),
    transaction_id     UUID,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT payment_attempts_idem_uq UNIQUE (household_id, idempotency_key)
);

CREATE TABLE transactions (
    id                 UUID PRIMARY KEY,
    provider_reference VARCHAR(255) NOT NULL UNIQUE,
    practice_id        UUID         NOT NULL REFERENCES practices (id),
    household_id       UUID         NOT NULL REFERENCES households (id),
    attempt_id         UUID         REFERENCES payment_attempts (id),
    source             VARCHAR(40)  NOT NULL REFERENCES payment_sources (code),
    status             VARCHAR(24)  NOT NULL,
    amount_cents       BIGINT       NOT NULL CHECK (amount_cents > 0),
    currency           CHAR(3)      NOT NULL,
    method_brand       VARCHAR(40),
    method_last4       VARCHAR(4),
    paid_at            TIMESTAMPTZ  NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX transactions_paid_at_idx ON transactions (paid_at);
CREATE INDEX transactions_household_idx ON transactions (household_id);

-- Positive rows apply money to a charge, negative rows reverse it. A charge's balance = amount - sum(amount_cents).
CREATE TABLE payment_applications (
    id                  BIGSERIAL PRIMARY KEY,
    transaction_id      UUID        NOT NULL REFERENCES transactions (id),
    charge_id           UUID        NOT NULL REFERENCES charges (id),
    amount_cents        BIGINT      NOT NULL CHECK (amount_cents <> 0),
    kind                VARCHAR(24) NOT NULL,
    balance_after_cents BIGINT      NOT NULL CHECK (balance_after_cents >= 0),
    refund_id           VARCHAR(255),
    dispute_id          VARCHAR(255),
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX payment_applications_charge_idx ON payment_applications (charge_id);
CREATE INDEX payment_applications_tx_idx ON payment_applications (transaction_id);

-- Household credit, also append-only: + what a payment could not apply, - what a refund or dispute took back.
CREATE TABLE household_credit_entries (
    id             BIGSERIAL PRIMARY KEY,
    household_id   UUID        NOT NULL REFERENCES households (id),
    transaction_id UUID        NOT NULL REFERENCES transactions (id),
    amount_cents   BIGINT      NOT NULL CHECK (amount_cents <> 0),
    kind           VARCHAR(24) NOT NULL,
    reference      VARCHAR(255),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX household_credit_household_idx ON household_credit_entries (household_id);
CREATE INDEX household_credit_tx_idx ON household_credit_entries (transaction_id);

CREATE TABLE processed_provider_events (
    event_id     VARCHAR(255) PRIMARY KEY,
    kind         VARCHAR(40)  NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE refunds (
    id                    UUID PRIMARY KEY,
    refund_id             VARCHAR(255) NOT NULL UNIQUE,
    transaction_id        UUID         NOT NULL REFERENCES transactions (id),
    amount_cents          BIGINT       NOT NULL CHECK (amount_cents > 0),
    credit_reversed_cents BIGINT       NOT NULL,
    created_at            TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX refunds_tx_idx ON refunds (transaction_id);

-- One row per (dispute, status) the provider reported: OPENED, then WON or LOST.
CREATE TABLE disputes (
    id             UUID PRIMARY KEY,
    dispute_id     VARCHAR(255) NOT NULL,
    status         VARCHAR(10)  NOT NULL,
    transaction_id UUID         NOT NULL REFERENCES transactions (id),
    amount_cents   BIGINT       NOT NULL CHECK (amount_cents > 0),
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT disputes_status_uq UNIQUE (dispute_id, status)
);
CREATE INDEX disputes_tx_idx ON disputes (transaction_id);

-- Every ledger change, append-only. Ids and amounts only: no names, account numbers or card data.
CREATE TABLE audit_log (
    id             BIGSERIAL PRIMARY KEY,
    occurred_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    action         VARCHAR(40) NOT NULL,
    household_id   UUID,
    transaction_id UUID,
    attempt_id     UUID,
    charge_id      UUID,
    amount_cents   BIGINT,
    reference      VARCHAR(255)
);
CREATE INDEX audit_log_tx_idx ON audit_log (transaction_id);

-- Append-only enforcement: the database refuses to rewrite ledger history.
CREATE FUNCTION refuse_ledger_rewrite() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'ledger table % is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER payment_applications_append_only BEFORE UPDATE OR DELETE ON payment_applications
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_rewrite();
CREATE TRIGGER household_credit_append_only BEFORE UPDATE OR DELETE ON household_credit_entries
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_rewrite();
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_rewrite();
