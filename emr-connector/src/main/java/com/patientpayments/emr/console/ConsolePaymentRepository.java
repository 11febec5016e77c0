package com.patientpayments.emr.console;

import com.patientpayments.emr.ledger.TransactionTable;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The detail reads of one console payment ({@link ConsolePayments#detail}): what it applied to each charge, its
 * refunds, pending refund requests and disputes, and its audit rows. A Micronaut Data repository whose native
 * {@code @Query} statements return flat row records; call it inside a transaction so they share one connection.
 * Amounts are cents. The list itself (filters, keyset page, count) is built by {@link ConsolePayments}.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class ConsolePaymentRepository implements GenericRepository<TransactionTable, UUID> {

    /** The payment's {@code PAYMENT} applications, in allocation order (date of service, then entry order). */
    @Query("SELECT a.charge_id, pt.first_name || ' ' || pt.last_name AS patient_name, ch.service_date,"
            + " ch.procedure_code, pr.patient_name AS procedure_name, loc.name AS location_name,"
            + " a.amount_cents, a.balance_after_cents"
            + " FROM payment_applications a JOIN charges ch ON ch.id = a.charge_id"
            + " JOIN patients pt ON pt.id = ch.patient_id JOIN procedures pr ON pr.code = ch.procedure_code"
            + " LEFT JOIN practice_locations loc ON loc.id = ch.location_id"
            + " WHERE a.transaction_id = :transactionId AND a.kind = 'PAYMENT' ORDER BY ch.service_date, ch.entry_seq")
    protected abstract List<AllocationRow> allocations(UUID transactionId);

    /** The provider's refunds of the payment (any status, lower case as the provider names them). */
    @Query("SELECT refund_id AS reference, status, amount_cents, updated_at FROM refunds"
            + " WHERE transaction_id = :transactionId")
    protected abstract List<AdjustmentRow> refunds(UUID transactionId);

    /**
     * The console's refund requests of the payment whose provider refund has not posted yet (status {@code REFUSED}
     * when the provider refused; the reference is null then).
     */
    @Query("SELECT q.provider_refund_id AS reference, q.status, q.amount_cents, q.updated_at"
            + " FROM refund_requests q WHERE q.transaction_id = :transactionId AND NOT EXISTS"
            + " (SELECT 1 FROM refunds r WHERE r.refund_id = q.provider_refund_id)")
    protected abstract List<AdjustmentRow> pendingRequests(UUID transactionId);

    /** The payment's disputes and inquiries (status as the provider names it; inquiries {@code warning_…}). */
    @Query("SELECT dispute_id AS reference, status, amount_cents, updated_at FROM dispute_states"
            + " WHERE transaction_id = :transactionId")
    protected abstract List<AdjustmentRow> disputes(UUID transactionId);

    /**
     * The payment's audit rows: the ledger's (without charge rows; actor null) and the staff's (actor the staff
     * member's display name), by time, ledger rows first, then row id.
     */
    @Query("SELECT at, action, actor, amount FROM ("
            + " SELECT occurred_at AS at, action, NULL AS actor, amount_cents AS amount, id AS seq, 0 AS src"
            + "   FROM audit_log WHERE transaction_id = :transactionId AND charge_id IS NULL"
            + " UNION ALL SELECT l.occurred_at, l.action, s.display_name, l.amount_cents, l.id, 1"
            + "   FROM staff_audit_log l JOIN staff_accounts s ON s.id = l.staff_id"
            + "   WHERE l.transaction_id = :transactionId) x ORDER BY at, src, seq")
    protected abstract List<AuditRow> audit(UUID transactionId);

    /** What the payment applied to one charge and what remained of it right after. */
    @Introspected
    protected record AllocationRow(
            String chargeId,
            String patientName,
            LocalDate serviceDate,
            String procedureCode,
            String procedureName,
            String locationName,
            long amountCents,
            long balanceAfterCents) {}

    /** One refund, refund request or dispute row; {@code reference} is null for a request the provider refused. */
    @Introspected
    protected record AdjustmentRow(@Nullable String reference, String status, long amountCents, Instant updatedAt) {}

    /** One audit row; {@code actor} null for the ledger's, {@code amount} (cents) null when the action has none. */
    @Introspected
    protected record AuditRow(
            Instant at,
            String action,
            @Nullable String actor,
            @Nullable Long amount) {}
}
