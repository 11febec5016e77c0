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

/**
 * The rows behind the console's ROI figures ({@link Roi}): a practice's non-insurance payments paid in a window
 * (paid-at from {@code start} inclusive to {@code end} exclusive) with what refunds and lost disputes took back, their
 * applications to charges, its location names and its funnel counts. A Micronaut Data repository whose native
 * {@code @Query} statements return flat row records; call it inside a transaction so they share one connection.
 * Amounts are cents.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class RoiRepository implements GenericRepository<TransactionTable, UUID> {

    /** The practice's payments of every source but insurance paid in the window, with what was taken back. */
    @Query("SELECT t.id, t.household_id, t.source, t.amount_cents, t.paid_at,"
            + " COALESCE((SELECT SUM(r.amount_cents) FROM refunds r WHERE r.transaction_id = t.id"
            + "   AND r.status = 'succeeded'), 0)"
            + " + COALESCE((SELECT SUM(d.amount_cents) FROM dispute_states d WHERE d.transaction_id = t.id"
            + "   AND d.status = 'lost'), 0) AS taken_back"
            + " FROM transactions t WHERE t.practice_id = :practiceId AND t.paid_at >= :start AND t.paid_at < :end"
            + " AND t.source <> 'INSURANCE'")
    protected abstract List<PaymentRow> payments(UUID practiceId, Instant start, Instant end);

    /** Every application row (payments and reversals) of those payments, with its charge's location and code. */
    @Query("SELECT a.transaction_id, ch.location_id, ch.procedure_code, ch.service_date,"
            + " a.kind, a.amount_cents FROM payment_applications a"
            + " JOIN transactions t ON t.id = a.transaction_id JOIN charges ch ON ch.id = a.charge_id"
            + " WHERE t.practice_id = :practiceId AND t.paid_at >= :start AND t.paid_at < :end"
            + " AND t.source <> 'INSURANCE'")
    protected abstract List<ApplicationRow> applications(UUID practiceId, Instant start, Instant end);

    /** The practice's locations (id and name). */
    @Query("SELECT id, name FROM practice_locations WHERE practice_id = :practiceId")
    protected abstract List<LocationName> locations(UUID practiceId);

    /** The practice's funnel counts per step, summed over the days {@code from} to {@code to} (both included). */
    @Query("SELECT step, SUM(count) AS total FROM funnel_daily"
            + " WHERE practice_id = :practiceId AND day >= :from AND day <= :to GROUP BY step")
    protected abstract List<FunnelSum> funnel(UUID practiceId, LocalDate from, LocalDate to);

    /** One payment: its amount and what refunds (succeeded) and lost disputes took back of it. */
    @Introspected
    protected record PaymentRow(
            String id, String householdId, String source, long amountCents, Instant paidAt, long takenBack) {}

    /** One application row: positive applies money to the charge, negative reverses it. */
    @Introspected
    protected record ApplicationRow(
            String transactionId,
            String locationId,
            String procedureCode,
            LocalDate serviceDate,
            String kind,
            long amountCents) {}

    /** A location's id and name. */
    @Introspected
    protected record LocationName(String id, String name) {}

    /** A funnel step's count over the days. */
    @Introspected
    protected record FunnelSum(String step, long total) {}
}
