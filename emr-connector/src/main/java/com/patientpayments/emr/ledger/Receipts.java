package com.patientpayments.emr.ledger;

import com.patientpayments.contract.Transaction;
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
    private final ReceiptRepository receipts;

    public Receipts(
            TransactionOperations<Connection> tx,
            TransactionRepository transactions,
            PracticeRepository practices,
            ReceiptRepository receipts) {
        this.tx = tx;
        this.transactions = transactions;
        this.practices = practices;
        this.receipts = receipts;
    }

    /** The receipt of a transaction; {@code NOT_FOUND} ({@link LedgerException}) for an unknown one. */
    public ReceiptView receipt(UUID txId) {
        return tx.executeRead(s -> {
            Transaction t = transactions.find(txId).orElseThrow(() -> LedgerException.notFound("Transaction"));
            var practice = practices.findById(UUID.fromString(t.practiceId())).orElseThrow();
            String guarantor =
                    receipts.guarantorName(UUID.fromString(t.householdId())).orElseThrow();
            List<ReceiptView.Line> lines = receipts.lines(txId).stream()
                    .map(r -> new ReceiptView.Line(
                            r.id(),
                            r.patientId(),
                            r.firstName() + " " + r.lastName(),
                            r.serviceDate().toString(),
                            r.procedureCode(),
                            r.patientName(),
                            r.displayName(),
                            r.locationName(),
                            r.amountCents(),
                            r.applied(),
                            r.balanceAfterCents()))
                    .toList();
            List<ReceiptView.Adjustment> adjustments = receipts.adjustments(txId).stream()
                    .map(r -> new ReceiptView.Adjustment(
                            r.kind(), r.amountCents(), r.createdAt().toString(), r.reference()))
                    .toList();
            return new ReceiptView(t, practice, guarantor, lines, adjustments, balanceAfter(t, txId));
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
    long balanceAfter(Transaction t, UUID txId) {
        if (t.creditCents() > 0 || t.appliedCents() == 0) {
            return 0;
        }
        return receipts.openBalanceAfter(txId);
    }
}
