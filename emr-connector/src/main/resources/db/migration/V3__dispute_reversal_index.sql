-- "Is this charge under an open dispute?" is asked for every charge of a household on every posting and charges read
-- (see LedgerRepository.DISPUTED). Without an index the planner answers it by hashing a sequential scan of all of
-- payment_applications per query, which grows with the ledger. Dispute reversals are rare: a small partial index.
CREATE INDEX payment_applications_dispute_idx ON payment_applications (charge_id, dispute_id)
    WHERE kind = 'DISPUTE_REVERSAL';
