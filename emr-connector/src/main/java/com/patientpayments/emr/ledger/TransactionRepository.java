package com.patientpayments.emr.ledger;

import com.patientpayments.emr.Jdbc;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Transactions and how they read back (with their original allocation). */
@Singleton
public class TransactionRepository {
    private static final String SELECT = "SELECT t.*,"
            + " COALESCE((SELECT SUM(a.amount_cents) FROM payment_applications a WHERE a.transaction_id = t.id"
            + " AND a.kind = 'PAYMENT'), 0) AS applied,"
            + " COALESCE((SELECT SUM(e.amount_cents) FROM household_credit_entries e WHERE e.transaction_id = t.id"
            + " AND e.kind = 'PAYMENT_CREDIT'), 0) AS credit,"
            + " LEAST(t.amount_cents, COALESCE((SELECT SUM(r.amount_cents) FROM refunds r WHERE r.transaction_id = t.id"
            + " AND r.status NOT IN ('failed', 'canceled')), 0)) AS refunded"
            + " FROM transactions t ";

    /** The facts a new posting needs to insert. */
    public record NewTransaction(
            UUID id,
            String providerReference,
            UUID practiceId,
            UUID householdId,
            UUID attemptId,
            long amountCents,
            @Nullable String methodBrand,
            @Nullable String methodLast4,
            Instant paidAt) {}

    /**
     * Inserts and returns the row's creation time; empty when the provider reference was already posted (the UNIQUE
     * constraint decides, so concurrent postings of one reference cannot both win).
     */
    public Optional<Instant> insert(Connection c, NewTransaction t) {
        return Jdbc.one(
                c,
                "INSERT INTO transactions (id, provider_reference, practice_id, household_id,"
                        + " attempt_id, source, status, amount_cents, currency, method_brand, method_last4, paid_at)"
                        + " VALUES (?, ?, ?, ?, ?, 'ONLINE_PATIENT_PAYMENT', 'SUCCEEDED', ?, 'USD', ?, ?, ?)"
                        + " ON CONFLICT (provider_reference) DO NOTHING RETURNING created_at",
                rs -> Jdbc.requiredInstant(rs, "created_at"),
                t.id(),
                t.providerReference(),
                t.practiceId(),
                t.householdId(),
                t.attemptId(),
                t.amountCents(),
                t.methodBrand(),
                t.methodLast4(),
                t.paidAt());
    }

    public Optional<TransactionView> find(Connection c, UUID id) {
        return Jdbc.one(c, SELECT + "WHERE t.id = ?", rs -> map(c, rs, true), id);
    }

    public Optional<TransactionView> findByReference(Connection c, String reference) {
        return Jdbc.one(c, SELECT + "WHERE t.provider_reference = ?", rs -> map(c, rs, true), reference);
    }

    public List<TransactionView> paidBetween(Connection c, Instant from, Instant to, int limit) {
        return Jdbc.list(
                c,
                SELECT + "WHERE t.paid_at >= ? AND t.paid_at < ? ORDER BY t.paid_at, t.id LIMIT ?",
                rs -> map(c, rs, false),
                from,
                to,
                limit);
    }

    public void updateStatus(Connection c, UUID id, TransactionStatus status) {
        Jdbc.update(c, "UPDATE transactions SET status = ? WHERE id = ?", status.name(), id);
    }

    private static TransactionView map(Connection c, ResultSet rs, boolean withAllocations) throws SQLException {
        String id = rs.getString("id");
        @Nullable
        List<TransactionView.Allocation> allocations = withAllocations
                ? Jdbc.list(
                        c,
                        "SELECT a.charge_id, a.amount_cents, a.balance_after_cents FROM payment_applications a"
                                + " JOIN charges c ON c.id = a.charge_id WHERE a.transaction_id = ? AND a.kind = 'PAYMENT'"
                                + " ORDER BY c.service_date, c.entry_seq",
                        r -> new TransactionView.Allocation(r.getString(1), r.getLong(2), r.getLong(3)),
                        UUID.fromString(id))
                : null;
        return new TransactionView(
                id,
                rs.getString("provider_reference"),
                rs.getString("practice_id"),
                rs.getString("household_id"),
                rs.getString("attempt_id"),
                rs.getString("source"),
                TransactionStatus.valueOf(rs.getString("status")),
                rs.getLong("amount_cents"),
                rs.getLong("applied"),
                rs.getLong("credit"),
                rs.getLong("refunded"),
                rs.getString("currency"),
                rs.getString("method_brand"),
                rs.getString("method_last4"),
                Jdbc.requiredInstant(rs, "paid_at").toString(),
                Jdbc.requiredInstant(rs, "created_at").toString(),
                allocations);
    }
}
