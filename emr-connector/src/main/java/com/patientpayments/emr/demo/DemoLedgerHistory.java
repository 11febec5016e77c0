package com.patientpayments.emr.demo;

import com.patientpayments.contract.Transaction;
import com.patientpayments.emr.Jdbc;
import com.patientpayments.emr.ledger.ClaimRecorder;
import com.patientpayments.emr.ledger.DisputeStatus;
import com.patientpayments.emr.ledger.Disputes;
import com.patientpayments.emr.ledger.Money;
import com.patientpayments.emr.ledger.PaymentAttempts;
import com.patientpayments.emr.ledger.TransactionPosting;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.UUID;

/**
 * Past online payments that give the demo households their variety, written through the real ledger use cases:
 * O'Brien has a partially paid charge and a disputed one; Chen paid everything (zero balance).
 */
@Singleton
public class DemoLedgerHistory {
    private final PaymentAttempts attempts;
    private final TransactionPosting posting;
    private final Disputes disputes;
    private final TransactionOperations<Connection> tx;

    public DemoLedgerHistory(
            PaymentAttempts attempts,
            TransactionPosting posting,
            Disputes disputes,
            TransactionOperations<Connection> tx) {
        this.attempts = attempts;
        this.posting = posting;
        this.disputes = disputes;
        this.tx = tx;
    }

    void write() {
        UUID obrien = DemoData.id("household:obrien");
        // $118.00 pays Aoife's cleaning (the oldest charge) in full; its dispute below reverses it and flags it.
        Transaction cleaning = pay(obrien, 11800, "pi_demo_obrien_0625", "VISA", "4242", "2026-06-25T16:20:00Z");
        // $100.00 then goes to Sean's scaling and root planing: partially paid.
        pay(obrien, 10000, "pi_demo_obrien_0715", "MASTERCARD", "4444", "2026-07-15T14:05:00Z");
        disputes.record(
                UUID.fromString(cleaning.id()),
                new ClaimRecorder.DisputeReport(
                        "dp_demo_obrien_0801", Money.ofCents(11800), DisputeStatus.NEEDS_RESPONSE, null));
        pay(DemoData.id("household:chen"), 18000, "pi_demo_chen_0905", "VISA", "1881", "2026-09-05T18:45:00Z");
    }

    private Transaction pay(UUID household, long cents, String intent, String brand, String last4, String at) {
        var attempt = attempts.create(household, cents, "demo-seed-" + intent).attempt();
        attempts.setIntent(UUID.fromString(attempt.id()), intent);
        Transaction posted = posting.post(new TransactionPosting.Command(
                        intent, null, Money.ofCents(cents), brand, last4, Instant.parse(at)))
                .transaction();
        // The attempt was made when it was paid, not when the demo was seeded (it is history, not a recent payment).
        tx.executeWrite(s -> Jdbc.update(
                s.getConnection(),
                "UPDATE payment_attempts SET created_at = ?," + " updated_at = ? WHERE provider_intent_id = ?",
                Instant.parse(at),
                Instant.parse(at),
                intent));
        return posted;
    }
}
