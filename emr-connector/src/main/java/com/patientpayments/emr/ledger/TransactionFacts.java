package com.patientpayments.emr.ledger;

import com.patientpayments.emr.Jdbc;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The few facts about a transaction that refunds and disputes need, and its status refresh. */
final class TransactionFacts {
    private TransactionFacts() {}

    record Row(UUID id, UUID householdId, long amountCents, TransactionStatus status) {}

    private static final String SELECT = "SELECT id, household_id, amount_cents, status FROM transactions WHERE ";

    static Row load(Connection c, UUID id) {
        return Jdbc.one(c, SELECT + "id = ?", TransactionFacts::map, id)
                .orElseThrow(() -> LedgerException.notFound("Transaction"));
    }

    static Optional<Row> byReference(Connection c, String providerReference) {
        return Jdbc.one(c, SELECT + "provider_reference = ?", TransactionFacts::map, providerReference);
    }

    private static Row map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getLong(3),
                TransactionStatus.valueOf(rs.getString(4)));
    }

    /** Re-derives the status from the refunds in effect and the disputes, and stores it when it changed. */
    static TransactionStatus refreshStatus(
            Connection c, UUID id, ClaimRepository claims, TransactionRepository transactions) {
        Row row = load(c, id);
        ClaimRepository.Facts facts = claims.facts(c, id);
        TransactionStatus next = TransactionStatus.derive(
                row.amountCents(), facts.refundedCents(), facts.disputeOpen(), facts.disputeLost());
        if (next != row.status()) {
            transactions.updateStatus(c, id, next);
        }
        return next;
    }

    /**
     * What a refund or dispute currently takes per charge ({@code amountCents} > 0 only), in the order taken (newest
     * charge first): net of its rows on the charge and of the credit it keeps in lieu of the charge.
     */
    static List<RefundView.ChargeAmount> taken(Connection c, String column, String sourceId) {
        String kindPrefix = column.equals("refund_id") ? "REFUND%" : "DISPUTE%";
        return Jdbc.list(
                c,
                "SELECT x.charge_id, -SUM(x.amount_cents) FROM (SELECT charge_id, amount_cents"
                        + " FROM payment_applications WHERE " + column + " = ? UNION ALL SELECT charge_id, amount_cents"
                        + " FROM household_credit_entries WHERE reference = ? AND kind LIKE ? AND charge_id IS NOT NULL)"
                        + " x JOIN charges ch ON ch.id = x.charge_id GROUP BY x.charge_id, ch.service_date, ch.entry_seq"
                        + " HAVING SUM(x.amount_cents) < 0 ORDER BY ch.service_date DESC, ch.entry_seq DESC",
                rs -> new RefundView.ChargeAmount(rs.getString(1), rs.getLong(2)),
                sourceId,
                sourceId,
                kindPrefix);
    }

    /** What a refund or dispute currently takes from the transaction's own credit. */
    static long creditTaken(Connection c, String sourceId, String kindPrefix) {
        return -Jdbc.longValue(
                c,
                "SELECT COALESCE(SUM(amount_cents), 0) FROM household_credit_entries"
                        + " WHERE reference = ? AND kind LIKE ? AND charge_id IS NULL",
                sourceId,
                kindPrefix);
    }

    /** Everything a dispute ever put back on charges (its re-application rows), per charge. */
    static List<RefundView.ChargeAmount> reapplied(Connection c, String disputeId) {
        return Jdbc.list(
                c,
                "SELECT charge_id, SUM(amount_cents) FROM payment_applications WHERE dispute_id = ?"
                        + " AND kind = 'DISPUTE_REAPPLY' GROUP BY charge_id ORDER BY charge_id",
                rs -> new RefundView.ChargeAmount(rs.getString(1), rs.getLong(2)),
                disputeId);
    }
}
