package com.patientpayments.emr.ledger;

import com.patientpayments.contract.Transaction;
import com.patientpayments.contract.TransactionStatus;
import com.patientpayments.emr.Jdbc;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Transactions and how they read back (with their original allocation). A Micronaut Data repository: the reads are
 * native {@code @Query} statements returning the contract's {@link Transaction} itself (a DTO projection: {@link #SELECT}
 * names each component's column; {@code status} converts from its name; {@code allocations} is read null and filled
 * in by a second query for a single transaction); the insert
 * ({@code ON CONFLICT}) and the status update stay hand-written SQL over the connection of the caller's transaction.
 * Call it inside a transaction; the reads run on its connection, so they see what the transaction wrote.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class TransactionRepository implements GenericRepository<TransactionTable, UUID> {
    private static final String SELECT = "SELECT t.*, NULL AS allocations,"
            + " COALESCE((SELECT SUM(a.amount_cents) FROM payment_applications a WHERE a.transaction_id = t.id"
            + " AND a.kind = 'PAYMENT'), 0) AS applied_cents,"
            + " COALESCE((SELECT SUM(e.amount_cents) FROM household_credit_entries e WHERE e.transaction_id = t.id"
            + " AND e.kind = 'PAYMENT_CREDIT'), 0) AS credit_cents,"
            + " LEAST(t.amount_cents, COALESCE((SELECT SUM(r.amount_cents) FROM refunds r WHERE r.transaction_id = t.id"
            + " AND r.status NOT IN ('failed', 'canceled')), 0)) AS refunded_cents"
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

    /** The transaction with its allocations; empty when there is none. */
    public Optional<Transaction> find(UUID id) {
        return row(id).map(t -> t.withAllocations(allocations(t.id())));
    }

    /** The transaction of this provider reference, with its allocations; empty when there is none. */
    public Optional<Transaction> findByReference(String reference) {
        return rowByReference(reference).map(t -> t.withAllocations(allocations(t.id())));
    }

    /** Transactions paid in [{@code from}, {@code to}), by payment time then id, at most {@code limit}; no allocations. */
    public List<Transaction> paidBetween(Instant from, Instant to, int limit) {
        return paidBetweenRows(from, to, limit);
    }

    private List<Transaction.Allocation> allocations(String transactionId) {
        return allocationRows(UUID.fromString(transactionId)).stream()
                .map(a -> new Transaction.Allocation(a.chargeId(), a.amountCents(), a.balanceAfterCents()))
                .toList();
    }

    @Query(SELECT + "WHERE t.id = :id")
    protected abstract Optional<Transaction> row(UUID id);

    @Query(SELECT + "WHERE t.provider_reference = :reference")
    protected abstract Optional<Transaction> rowByReference(String reference);

    @Query(SELECT + "WHERE t.paid_at >= :from AND t.paid_at < :to ORDER BY t.paid_at, t.id LIMIT :limit")
    protected abstract List<Transaction> paidBetweenRows(Instant from, Instant to, int limit);

    /** The posting's {@code PAYMENT} applications in allocation order (date of service, then entry order). */
    @Query("SELECT a.charge_id, a.amount_cents, a.balance_after_cents FROM payment_applications a"
            + " JOIN charges c ON c.id = a.charge_id WHERE a.transaction_id = :transactionId AND a.kind = 'PAYMENT'"
            + " ORDER BY c.service_date, c.entry_seq")
    protected abstract List<AllocationRow> allocationRows(UUID transactionId);

    public void updateStatus(Connection c, UUID id, TransactionStatus status) {
        Jdbc.update(c, "UPDATE transactions SET status = ? WHERE id = ?", status.name(), id);
    }

    /** One {@code PAYMENT} application of a posting: the charge, the cents applied and its balance right after. */
    @Introspected
    protected record AllocationRow(String chargeId, long amountCents, long balanceAfterCents) {}
}
