package com.patientpayments.emr.ledger;

import com.patientpayments.emr.Jdbc;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Payment attempts. Kept for good: provider webhooks retry for days. */
@Singleton
public class AttemptRepository {

    /** Inserts unless (household, idempotency key) exists; empty when it did (the caller reads the existing row). */
    public Optional<PaymentAttemptView> insert(
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

    public Optional<PaymentAttemptView> findByKey(Connection c, UUID householdId, String idempotencyKey) {
        return Jdbc.one(
                c,
                "SELECT * FROM payment_attempts WHERE household_id = ? AND idempotency_key = ?",
                AttemptRepository::map,
                householdId,
                idempotencyKey);
    }

    public Optional<PaymentAttemptView> find(Connection c, UUID id) {
        return Jdbc.one(c, "SELECT * FROM payment_attempts WHERE id = ?", AttemptRepository::map, id);
    }

    public Optional<PaymentAttemptView> findForUpdate(Connection c, UUID id) {
        return Jdbc.one(c, "SELECT * FROM payment_attempts WHERE id = ? FOR UPDATE", AttemptRepository::map, id);
    }

    public Optional<PaymentAttemptView> findByIntent(Connection c, String intentId) {
        return Jdbc.one(
                c, "SELECT * FROM payment_attempts WHERE provider_intent_id = ?", AttemptRepository::map, intentId);
    }

    /**
     * The attempt for a provider intent, taking its household's row lock in the same round trip (ids and the intent
     * are immutable once set, so reading them before the lock is granted is safe).
     */
    public Optional<PaymentAttemptView> findByIntentLockingHousehold(Connection c, String intentId) {
        return Jdbc.one(
                c,
                "SELECT a.* FROM payment_attempts a JOIN households h ON h.id = a.household_id"
                        + " WHERE a.provider_intent_id = ? FOR UPDATE OF h",
                AttemptRepository::map,
                intentId);
    }

    public List<PaymentAttemptView> recent(
            Connection c, UUID householdId, Instant since, Set<AttemptStatus> statuses, int limit) {
        return Jdbc.list(
                c,
                "SELECT * FROM payment_attempts WHERE household_id = ? AND created_at >= ?"
                        + " AND status = ANY (?) ORDER BY created_at DESC, id LIMIT ?",
                AttemptRepository::map,
                householdId,
                since,
                names(c, statuses),
                limit);
    }

    public List<PaymentAttemptView> stale(Connection c, Set<AttemptStatus> statuses, Instant updatedBefore, int limit) {
        return Jdbc.list(
                c,
                "SELECT * FROM payment_attempts WHERE status = ANY (?) AND updated_at < ?"
                        + " ORDER BY updated_at, id LIMIT ?",
                AttemptRepository::map,
                names(c, statuses),
                updatedBefore,
                limit);
    }

    private static java.sql.Array names(Connection c, Set<AttemptStatus> statuses) {
        try {
            return c.createArrayOf("varchar", statuses.stream().map(Enum::name).toArray());
        } catch (SQLException e) {
            throw new IllegalStateException("status array", e);
        }
    }

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

    static PaymentAttemptView map(ResultSet rs) throws SQLException {
        return new PaymentAttemptView(
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
                Jdbc.requiredInstant(rs, "created_at").toString(),
                Jdbc.requiredInstant(rs, "updated_at").toString());
    }
}
