package com.patientpayments.emr.ledger;

import com.patientpayments.emr.Jdbc;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Appends to the audit log: ids, amounts and provider references only — never names or card data. */
@Singleton
public class AuditLog {
    private static final String INSERT = "INSERT INTO audit_log (action, household_id, transaction_id, attempt_id,"
            + " charge_id, amount_cents, reference) VALUES (?, ?, ?, ?, ?, ?, ?)";

    /** One audit row. */
    public record Entry(
            AuditAction action,
            UUID householdId,
            @Nullable UUID transactionId,
            @Nullable UUID attemptId,
            @Nullable UUID chargeId,
            @Nullable Long amountCents,
            @Nullable String reference) {}

    public void append(Connection c, List<Entry> entries) {
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            rows.add(new Object[] {
                e.action().name(),
                e.householdId(),
                e.transactionId(),
                e.attemptId(),
                e.chargeId(),
                e.amountCents(),
                e.reference()
            });
        }
        Jdbc.batch(c, INSERT, rows);
    }

    public void append(Connection c, Entry entry) {
        append(c, List.of(entry));
    }
}
