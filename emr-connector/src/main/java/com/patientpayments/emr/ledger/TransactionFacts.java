package com.patientpayments.emr.ledger;

import com.patientpayments.emr.Jdbc;
import com.patientpayments.emr.api.ApiException;

import java.sql.Connection;
import java.util.List;
import java.util.UUID;

/** The few facts refunds and disputes need about a transaction, and its status refresh. */
final class TransactionFacts {
    private TransactionFacts() {
    }

    record Row(UUID id, UUID householdId, long amountCents, TransactionStatus status) {
    }

    static Row load(Connection c, UUID id) {
        return Jdbc.one(c, "SELECT id, household_id, amount_cents, status FROM transactions WHERE id = ?",
                        rs -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3),
                                TransactionStatus.valueOf(rs.getString(4))), id)
                .orElseThrow(() -> ApiException.notFound("Transaction"));
    }

    /** Re-derives the status from refunds and disputes and stores it (checking the transition). */
    static TransactionStatus refreshStatus(Connection c, UUID id, TransactionRepository transactions) {
        Row row = load(c, id);
        long refunded = Jdbc.longValue(c, "SELECT COALESCE(SUM(amount_cents), 0) FROM refunds WHERE transaction_id = ?",
                id);
        List<String> statuses = Jdbc.list(c, "SELECT d.status FROM disputes d WHERE d.transaction_id = ?"
                + " AND (d.status <> 'OPENED' OR NOT EXISTS (SELECT 1 FROM disputes o WHERE o.dispute_id ="
                + " d.dispute_id AND o.status IN ('WON', 'LOST')))", rs -> rs.getString(1), id);
        TransactionStatus next = TransactionStatus.derive(row.amountCents(), refunded, statuses.contains("OPENED"),
                statuses.contains("LOST"));
        row.status().moveTo(next);
        if (next != row.status()) {
            transactions.updateStatus(c, id, next);
        }
        return next;
    }

    static List<RefundView.ChargeAmount> rows(Connection c, String column, String value, String kind) {
        return Jdbc.list(c, "SELECT a.charge_id, a.amount_cents FROM payment_applications a JOIN charges c"
                        + " ON c.id = a.charge_id WHERE a." + column + " = ? AND a.kind = ?"
                        + " ORDER BY a.id",
                rs -> new RefundView.ChargeAmount(rs.getString(1), Math.abs(rs.getLong(2))), value, kind);
    }
}
