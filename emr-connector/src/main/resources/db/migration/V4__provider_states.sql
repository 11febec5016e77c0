-- Refunds and disputes follow the provider's CURRENT state (issue 10): a refund can fail or be canceled after it was
-- recorded, a dispute can be an inquiry that never withdraws funds, and events arrive in any order. The ledger holds
-- the provider's current state of each refund and dispute (one mutable row each) and projects it onto the append-only
-- applications and credit entries (see ledger.Holdings).

-- Refunds: Stripe's status; only pending, requires_action and succeeded refunds take money back.
ALTER TABLE refunds ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'succeeded'
    CHECK (status IN ('pending', 'requires_action', 'succeeded', 'failed', 'canceled'));
-- The provider's creation time orders refunds among themselves (independent of delivery order).
ALTER TABLE refunds ADD COLUMN provider_created_at TIMESTAMPTZ;
ALTER TABLE refunds ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now();
-- What a refund took from credit is read from its credit entries now (it changes when a refund fails).
ALTER TABLE refunds DROP COLUMN credit_reversed_cents;

-- One row per dispute (inquiries included) with Stripe's current status.
CREATE TABLE dispute_states (
    dispute_id     VARCHAR(255) PRIMARY KEY,
    transaction_id UUID         NOT NULL REFERENCES transactions (id),
    amount_cents   BIGINT       NOT NULL CHECK (amount_cents > 0),
    status         VARCHAR(32)  NOT NULL CHECK (status IN ('warning_needs_response', 'warning_under_review',
        'warning_closed', 'needs_response', 'under_review', 'won', 'lost', 'prevented')),
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX dispute_states_tx_idx ON dispute_states (transaction_id);

-- Disputes recorded before this version (OPENED / WON / LOST rows) become current states.
INSERT INTO dispute_states (dispute_id, transaction_id, amount_cents, status, created_at, updated_at)
SELECT DISTINCT ON (dispute_id) dispute_id, transaction_id, amount_cents,
       CASE status WHEN 'WON' THEN 'won' WHEN 'LOST' THEN 'lost' ELSE 'needs_response' END, created_at, created_at
FROM disputes ORDER BY dispute_id, (status = 'OPENED'), created_at DESC;

-- `disputes` stays the history of money-moving milestones (OPENED = funds withdrawn, WON, LOST) the receipt lists.
ALTER TABLE disputes ADD CONSTRAINT disputes_milestone_ck CHECK (status IN ('OPENED', 'WON', 'LOST'));

-- Money a transaction restores onto a charge that meanwhile was paid by something else is kept as household credit
-- "in lieu of" that charge; charge_id says which (NULL: the transaction's own credit).
ALTER TABLE household_credit_entries ADD COLUMN charge_id UUID REFERENCES charges (id);

-- The open-dispute check now looks at every row of a dispute (reversals and re-applications net out).
DROP INDEX payment_applications_dispute_idx;
CREATE INDEX payment_applications_dispute_idx ON payment_applications (charge_id, dispute_id)
    WHERE dispute_id IS NOT NULL;
CREATE INDEX payment_applications_refund_idx ON payment_applications (transaction_id, refund_id)
    WHERE refund_id IS NOT NULL;

-- Refund and dispute events whose payment is not posted yet wait here (durably) and are applied in the same database
-- transaction that posts the payment. Duplicates of one (source, status) are kept once.
CREATE TABLE parked_provider_events (
    id                  BIGSERIAL PRIMARY KEY,
    provider_reference  VARCHAR(255) NOT NULL,
    kind                VARCHAR(10)  NOT NULL CHECK (kind IN ('REFUND', 'DISPUTE')),
    source_id           VARCHAR(255) NOT NULL,
    amount_cents        BIGINT       NOT NULL CHECK (amount_cents > 0),
    status              VARCHAR(32)  NOT NULL,
    provider_created_at TIMESTAMPTZ,
    event_id            VARCHAR(255),
    parked_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    applied_at          TIMESTAMPTZ,
    CONSTRAINT parked_provider_events_uq UNIQUE (kind, source_id, status)
);
CREATE INDEX parked_provider_events_ref_idx ON parked_provider_events (provider_reference) WHERE applied_at IS NULL;

-- Attempts: a household's recent ones (two tabs), and the janitor's scan of those still open.
CREATE INDEX payment_attempts_household_created_idx ON payment_attempts (household_id, created_at);
CREATE INDEX payment_attempts_open_idx ON payment_attempts (updated_at) WHERE status IN ('CREATED', 'PROCESSING');
