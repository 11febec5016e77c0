package com.patientpayments.emr.ledger;

import com.patientpayments.contract.AttemptStatus;
import com.patientpayments.contract.PaymentAttempt;
import com.patientpayments.emr.Jdbc;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Payment attempts. Kept for good: provider webhooks retry for days. A Micronaut Data repository: the plain reads are
 * native {@code @Query} statements returning {@link PaymentAttempt} itself (a DTO projection: each column
 * maps to the component of the same name, the status by its enum name); the insert ({@code ON CONFLICT}), the locking reads
 * ({@code FOR UPDATE}) and the update stay hand-written SQL over the connection of the caller's transaction. Call it
 * inside a transaction; the reads run on its connection, so they see what the transaction wrote and locked.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class AttemptRepository implements GenericRepository<AttemptRepository.AttemptTable, UUID> {
    /** The columns of {@code payment_attempts}: the components of {@link PaymentAttempt}, which {@link #map} reads. */
    static final String COLUMNS = "id, practice_id, household_id, amount_cents, currency, idempotency_key,"
            + " provider_intent_id, status, failure_code, failure_message, transaction_id, created_at, updated_at";

    /** Inserts unless (household, idempotency key) exists; empty when it did (the caller reads the existing row). */
    public Optional<PaymentAttempt> insert(
            Connection c, UUID id, UUID practiceId, UUID householdId, long amountCents, String idempotencyKey) {
        return Jdbc.one(
                c,
                "INSERT INTO payment_attempts (id, practice_id, household_id, amount_cents, currency,"
                        + " idempotency_key, status) VALUES (?, ?, ?, ?, 'USD', ?, 'CREATED')"
                        + " ON CONFLICT (household_id, idempotency_key) DO NOTHING RETURNING *",
                AttemptRepository::map,
                id,
                practiceId,
                householdId,
                amountCents,
                idempotencyKey);
    }

    /** The household's attempt with this idempotency key; empty when there is none. */
    public Optional<PaymentAttempt> findByKey(UUID householdId, String idempotencyKey) {
        return rowByKey(householdId, idempotencyKey);
    }

    /** The attempt with this id; empty when there is none. */
    public Optional<PaymentAttempt> find(UUID id) {
        return row(id);
    }

    /** The attempt, locked for the rest of the transaction (hand SQL: a row lock). */
    public Optional<PaymentAttempt> findForUpdate(Connection c, UUID id) {
        return Jdbc.one(c, "SELECT * FROM payment_attempts WHERE id = ? FOR UPDATE", AttemptRepository::map, id);
    }

    /** The attempt carrying this provider intent; empty when there is none. */
    public Optional<PaymentAttempt> findByIntent(String intentId) {
        return rowByIntent(intentId);
    }

    /**
     * The attempt for a provider intent, taking its household's row lock in the same round trip (ids and the intent
     * are immutable once set, so reading them before the lock is granted is safe).
     */
    public Optional<PaymentAttempt> findByIntentLockingHousehold(Connection c, String intentId) {
        return Jdbc.one(
                c,
                "SELECT a.* FROM payment_attempts a JOIN households h ON h.id = a.household_id"
                        + " WHERE a.provider_intent_id = ? FOR UPDATE OF h",
                AttemptRepository::map,
                intentId);
    }

    /**
     * The household's attempts created at or after {@code since} with one of {@code statuses}, newest first (then by
     * id), at most {@code limit}.
     */
    public List<PaymentAttempt> recent(UUID householdId, Instant since, Set<AttemptStatus> statuses, int limit) {
        return recentRows(householdId, since, names(statuses), limit);
    }

    /** Attempts with one of {@code statuses} unchanged since before {@code updatedBefore}, oldest change first. */
    public List<PaymentAttempt> stale(Set<AttemptStatus> statuses, Instant updatedBefore, int limit) {
        return staleRows(names(statuses), updatedBefore, limit);
    }

    /** The practice of the household; empty when there is no such household. */
    @Query("SELECT practice_id FROM households WHERE id = :householdId")
    public abstract Optional<UUID> practiceOf(UUID householdId);

    private static List<String> names(Set<AttemptStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }

    @Query("SELECT " + COLUMNS + " FROM payment_attempts"
            + " WHERE household_id = :householdId AND idempotency_key = :idempotencyKey")
    protected abstract Optional<PaymentAttempt> rowByKey(UUID householdId, String idempotencyKey);

    @Query("SELECT " + COLUMNS + " FROM payment_attempts WHERE id = :id")
    protected abstract Optional<PaymentAttempt> row(UUID id);

    @Query("SELECT " + COLUMNS + " FROM payment_attempts WHERE provider_intent_id = :intentId")
    protected abstract Optional<PaymentAttempt> rowByIntent(String intentId);

    /** {@code statuses} is expanded by Micronaut Data into one bind parameter per element. */
    @Query("SELECT " + COLUMNS + " FROM payment_attempts WHERE household_id = :householdId"
            + " AND created_at >= :since AND status IN (:statuses) ORDER BY created_at DESC, id LIMIT :limit")
    protected abstract List<PaymentAttempt> recentRows(
            UUID householdId, Instant since, List<String> statuses, int limit);

    /** {@code statuses} is expanded by Micronaut Data into one bind parameter per element. */
    @Query("SELECT " + COLUMNS + " FROM payment_attempts WHERE status IN (:statuses) AND updated_at < :updatedBefore"
            + " ORDER BY updated_at, id LIMIT :limit")
    protected abstract List<PaymentAttempt> staleRows(List<String> statuses, Instant updatedBefore, int limit);

    public void update(
            Connection c,
            UUID id,
            @Nullable String intentId,
            AttemptStatus status,
            @Nullable String failureCode,
            @Nullable String failureMessage,
            @Nullable UUID transactionId) {
        Jdbc.update(
                c,
                "UPDATE payment_attempts SET provider_intent_id = ?, status = ?, failure_code = ?,"
                        + " failure_message = ?, transaction_id = ?, updated_at = ? WHERE id = ?",
                intentId,
                status.name(),
                failureCode,
                failureMessage,
                transactionId,
                Instant.now(),
                id);
    }

    /**
     * Marks the attempt SUCCEEDED with its posted transaction (as {@link #update} does) and answers, in the same
     * statement, whether refund or dispute reports parked for {@code reference} wait to be applied. Call it under the
     * household's row lock, after the lock was taken: reports are parked under that lock too, so the answer (read with
     * this statement's own snapshot) is final for the rest of the transaction.
     */
    public boolean markSucceeded(
            Connection c, UUID id, @Nullable String intentId, UUID transactionId, String reference) {
        return Jdbc.one(
                        c,
                        "UPDATE payment_attempts SET provider_intent_id = ?, status = ?, failure_code = NULL,"
                                + " failure_message = NULL, transaction_id = ?, updated_at = ? WHERE id = ?"
                                + " RETURNING EXISTS (SELECT 1 FROM parked_provider_events"
                                + " WHERE provider_reference = ? AND applied_at IS NULL)",
                        rs -> rs.getBoolean(1),
                        intentId,
                        AttemptStatus.SUCCEEDED.name(),
                        transactionId,
                        Instant.now(),
                        id,
                        reference)
                .orElseThrow(() -> new IllegalStateException("payment attempt row missing"));
    }

    static PaymentAttempt map(ResultSet rs) throws SQLException {
        return new PaymentAttempt(
                rs.getString("id"),
                rs.getString("practice_id"),
                rs.getString("household_id"),
                rs.getLong("amount_cents"),
                rs.getString("currency"),
                rs.getString("idempotency_key"),
                rs.getString("provider_intent_id"),
                AttemptStatus.valueOf(rs.getString("status")),
                rs.getString("failure_code"),
                rs.getString("failure_message"),
                rs.getString("transaction_id"),
                Jdbc.requiredInstant(rs, "created_at"),
                Jdbc.requiredInstant(rs, "updated_at"));
    }

    /**
     * The table the repository is rooted at, because Micronaut Data needs a root entity to implement {@code @Query}
     * methods; never read or written as an entity (no generated CRUD is used).
     */
    @MappedEntity("payment_attempts")
    static final class AttemptTable {
        @Id
        private final UUID id;

        AttemptTable(UUID id) {
            this.id = id;
        }

        public UUID getId() {
            return id;
        }
    }
}
