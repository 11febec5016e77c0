-- Why money moved (ledger kind) and what an audit row records (audit action) are closed vocabularies: the Java enums
-- LedgerKind and AuditAction, whose names these constraints list. LedgerVocabularyTest keeps
-- the two in step. REFUND_RECORDED and DISPUTE_OPENED are only in audit rows written by earlier versions;
-- DEMO_HISTORY_POSTED is written by the demo's history seeder.
ALTER TABLE payment_applications ADD CONSTRAINT payment_applications_kind_check
    CHECK (kind IN ('PAYMENT', 'PAYMENT_CREDIT', 'REFUND_REVERSAL', 'REFUND_REAPPLY', 'DISPUTE_REVERSAL',
                    'DISPUTE_REAPPLY'));

ALTER TABLE household_credit_entries ADD CONSTRAINT household_credit_entries_kind_check
    CHECK (kind IN ('PAYMENT', 'PAYMENT_CREDIT', 'REFUND_REVERSAL', 'REFUND_REAPPLY', 'DISPUTE_REVERSAL',
                    'DISPUTE_REAPPLY'));

ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
    CHECK (action IN ('ATTEMPT_CREATED', 'ATTEMPT_INTENT_SET', 'ATTEMPT_FAILED', 'ATTEMPT_RESUMED',
                      'TRANSACTION_POSTED', 'PAYMENT_APPLIED', 'CREDIT_ADDED', 'DEMO_HISTORY_POSTED',
                      'REFUND_PENDING', 'REFUND_REQUIRES_ACTION', 'REFUND_SUCCEEDED', 'REFUND_FAILED',
                      'REFUND_CANCELED', 'REFUND_RECORDED',
                      'DISPUTE_WARNING_NEEDS_RESPONSE', 'DISPUTE_WARNING_UNDER_REVIEW', 'DISPUTE_NEEDS_RESPONSE',
                      'DISPUTE_UNDER_REVIEW', 'DISPUTE_WARNING_CLOSED', 'DISPUTE_PREVENTED', 'DISPUTE_WON',
                      'DISPUTE_LOST', 'DISPUTE_OPENED',
                      'EVENT_PARKED_REFUND', 'EVENT_PARKED_DISPUTE',
                      'REFUND_REVERSAL', 'REFUND_REAPPLY', 'DISPUTE_REVERSAL', 'DISPUTE_REAPPLY',
                      'REFUND_REVERSAL_CREDIT', 'REFUND_REAPPLY_CREDIT', 'DISPUTE_REVERSAL_CREDIT',
                      'DISPUTE_REAPPLY_CREDIT'));
