package com.patientpayments.emr.ledger;

import com.patientpayments.emr.Jdbc;
import com.patientpayments.emr.practice.PracticeRepository;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;

/**
 * Builds receipt data for a transaction from the ledger, including the household's balance right after the payment
 * was posted ({@link #balanceAfter}).
 */
@Singleton
public class Receipts {
    private final TransactionOperations<Connection> tx;
    private final TransactionRepository transactions;
    private final PracticeRepository practices;

    public Receipts(
            TransactionOperations<Connection> tx, TransactionRepository transactions, PracticeRepository practices) {
        this.tx = tx;
        this.transactions = transactions;
        this.practices = practices;
    }

    public ReceiptView receipt(UUID txId) {
        return tx.executeRead(s -> {
            Connection c = s.getConnection();
            TransactionView t = transactions.find(c, txId).orElseThrow(() -> LedgerException.notFound("Transaction"));
            var practice = practices.findById(UUID.fromString(t.practiceId())).orElseThrow();
            String guarantor = Jdbc.one(
                            c,
                            "SELECT guarantor_first_name || ' ' || guarantor_last_name"
                                    + " FROM households WHERE id = ?",
                            rs -> rs.getString(1),
                            UUID.fromString(t.householdId()))
                    .orElseThrow();
            List<ReceiptView.Line> lines = Jdbc.list(
                    c,
                    "SELECT c.id, p.id AS patient_id, p.first_name,"
                            + " p.last_name, c.service_date, c.procedure_code, pc.patient_name, pr.display_name,"
                            + " l.name AS location_name, c.amount_cents, a.amount_cents AS applied, a.balance_after_cents"
                            + " FROM payment_applications a JOIN charges c ON c.id = a.charge_id"
                            + " JOIN patients p ON p.id = c.patient_id JOIN procedures pc ON pc.code = c.procedure_code"
                            + " JOIN providers pr ON pr.id = c.provider_id JOIN practice_locations l ON l.id = c.location_id"
                            + " WHERE a.transaction_id = ? AND a.kind = 'PAYMENT'"
                            + " ORDER BY p.first_name, p.last_name, p.id, c.service_date, c.entry_seq",
                    rs -> new ReceiptView.Line(
                            rs.getString("id"),
                            rs.getString("patient_id"),
                            rs.getString("first_name") + " " + rs.getString("last_name"),
                            rs.getDate("service_date").toLocalDate().toString(),
                            rs.getString("procedure_code"),
                            rs.getString("patient_name"),
                            rs.getString("display_name"),
                            rs.getString("location_name"),
                            rs.getLong("amount_cents"),
                            rs.getLong("applied"),
                            rs.getLong("balance_after_cents")),
                    txId);
            List<ReceiptView.Adjustment> adjustments = Jdbc.list(
                    c,
                    "SELECT 'REFUND' AS kind, amount_cents, created_at, refund_id AS reference FROM refunds"
                            + " WHERE transaction_id = ? AND status NOT IN ('failed', 'canceled')"
                            + " UNION ALL SELECT 'DISPUTE_' || status, amount_cents, created_at, dispute_id"
                            + " FROM disputes WHERE transaction_id = ? ORDER BY created_at, kind",
                    rs -> new ReceiptView.Adjustment(
                            rs.getString(1),
                            rs.getLong(2),
                            Jdbc.requiredInstant(rs, "created_at").toString(),
                            rs.getString(4)),
                    txId,
                    txId);
            return new ReceiptView(t, practice, guarantor, lines, adjustments, balanceAfter(c, t, txId));
        });
    }

    /**
     * The household's balance right after this payment was posted, by the rule of {@code Household.balanceCents}:
     * the open balance of its charges, not counting charges under an open card dispute at that moment. Rebuilt from
     * the append-only ledger "as of" the posting. Every ledger change of a household happens under the household row
     * lock, so row ids order them: application rows up to this posting's last one, dispute outcomes whose audit row
     * precedes this posting's, charges entered before it. A posting that left credit (or applied nothing) had paid
     * every payable charge: 0.
     */
    static long balanceAfter(Connection c, TransactionView t, UUID txId) {
        if (t.creditCents() > 0 || t.appliedCents() == 0) {
            return 0;
        }
        return Jdbc.longValue(
                c,
                "WITH t AS (SELECT household_id, created_at FROM transactions WHERE id = ?),"
                        + " m AS (SELECT MAX(id) AS mark FROM payment_applications WHERE transaction_id = ? AND kind = 'PAYMENT'),"
                        + " p AS (SELECT MIN(id) AS mark FROM audit_log WHERE transaction_id = ? AND action = 'TRANSACTION_POSTED')"
                        + " SELECT COALESCE(SUM(x.balance), 0) FROM (SELECT c.amount_cents - COALESCE((SELECT SUM(a.amount_cents)"
                        + "   FROM payment_applications a WHERE a.charge_id = c.id AND a.id <= m.mark), 0) AS balance,"
                        + "   EXISTS (SELECT 1 FROM payment_applications pa WHERE pa.charge_id = c.id"
                        + "     AND pa.kind = 'DISPUTE_REVERSAL' AND pa.id <= m.mark AND NOT EXISTS (SELECT 1 FROM audit_log d"
                        + "     WHERE d.action IN ('DISPUTE_WON', 'DISPUTE_LOST') AND d.reference = pa.dispute_id"
                        + "     AND d.id < p.mark)) AS disputed"
                        + "   FROM charges c, t, m, p WHERE c.household_id = t.household_id AND c.created_at <= t.created_at) x"
                        + " WHERE x.balance > 0 AND NOT x.disputed",
                txId,
                txId,
                txId);
    }
}
