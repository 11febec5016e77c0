package com.patientpayments.emr.ledger;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The reads behind a receipt ({@link Receipts}): the guarantor's name, the charges a payment paid, its later refunds
 * and disputes, and the household's balance right after it was posted. A Micronaut Data repository whose native
 * {@code @Query} statements return flat row records; call it inside a (read) transaction so the statements share one
 * connection. Amounts are cents.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class ReceiptRepository implements GenericRepository<ReceiptRepository.ApplicationTable, Long> {

    /** The guarantor's full name ("first last") of the household; empty when there is none. */
    @Query("SELECT guarantor_first_name || ' ' || guarantor_last_name FROM households WHERE id = :householdId")
    protected abstract Optional<String> guarantorName(UUID householdId);

    /**
     * The charges the payment paid (its {@code PAYMENT} applications), by patient (first name, last name, id), then
     * date of service and entry order.
     */
    @Query("SELECT c.id, p.id AS patient_id, p.first_name,"
            + " p.last_name, c.service_date, c.procedure_code, pc.patient_name, pr.display_name,"
            + " l.name AS location_name, c.amount_cents, a.amount_cents AS applied, a.balance_after_cents"
            + " FROM payment_applications a JOIN charges c ON c.id = a.charge_id"
            + " JOIN patients p ON p.id = c.patient_id JOIN procedures pc ON pc.code = c.procedure_code"
            + " JOIN providers pr ON pr.id = c.provider_id JOIN practice_locations l ON l.id = c.location_id"
            + " WHERE a.transaction_id = :transactionId AND a.kind = 'PAYMENT'"
            + " ORDER BY p.first_name, p.last_name, p.id, c.service_date, c.entry_seq")
    protected abstract List<LineRow> lines(UUID transactionId);

    /**
     * Refunds in effect (not failed or canceled) as {@code REFUND} and every dispute row as {@code DISPUTE_<status>},
     * by creation time, then kind.
     */
    @Query("SELECT 'REFUND' AS kind, amount_cents, created_at, refund_id AS reference FROM refunds"
            + " WHERE transaction_id = :transactionId AND status NOT IN ('failed', 'canceled')"
            + " UNION ALL SELECT 'DISPUTE_' || status, amount_cents, created_at, dispute_id"
            + " FROM disputes WHERE transaction_id = :transactionId ORDER BY created_at, kind")
    protected abstract List<AdjustmentRow> adjustments(UUID transactionId);

    /**
     * The household's open balance (cents) right after the payment was posted, not counting charges under an open
     * card dispute at that moment; see {@link Receipts#balanceAfter} for the rule. 0 when nothing is open.
     */
    @Query("WITH t AS (SELECT household_id, created_at FROM transactions WHERE id = :transactionId),"
            + " m AS (SELECT MAX(id) AS mark FROM payment_applications"
            + " WHERE transaction_id = :transactionId AND kind = 'PAYMENT'),"
            + " p AS (SELECT MIN(id) AS mark FROM audit_log"
            + " WHERE transaction_id = :transactionId AND action = 'TRANSACTION_POSTED')"
            + " SELECT COALESCE(SUM(x.balance), 0) FROM (SELECT c.amount_cents - COALESCE((SELECT SUM(a.amount_cents)"
            + "   FROM payment_applications a WHERE a.charge_id = c.id AND a.id <= m.mark), 0) AS balance,"
            + "   EXISTS (SELECT 1 FROM payment_applications pa WHERE pa.charge_id = c.id"
            + "     AND pa.kind = 'DISPUTE_REVERSAL' AND pa.id <= m.mark AND NOT EXISTS (SELECT 1 FROM audit_log d"
            + "     WHERE d.action IN ('DISPUTE_WON', 'DISPUTE_LOST') AND d.reference = pa.dispute_id"
            + "     AND d.id < p.mark)) AS disputed"
            + "   FROM charges c, t, m, p WHERE c.household_id = t.household_id AND c.created_at <= t.created_at) x"
            + " WHERE x.balance > 0 AND NOT x.disputed")
    protected abstract long openBalanceAfter(UUID transactionId);

    /** One charge a payment paid: the charge, its patient, names, its amount and what this payment applied. */
    @Introspected
    protected record LineRow(
            String id,
            String patientId,
            String firstName,
            String lastName,
            LocalDate serviceDate,
            String procedureCode,
            String patientName,
            String displayName,
            String locationName,
            long amountCents,
            long applied,
            long balanceAfterCents) {}

    /** One refund or dispute row of a payment. */
    @Introspected
    protected record AdjustmentRow(String kind, long amountCents, Instant createdAt, String reference) {}

    /**
     * The table the repository is rooted at, because Micronaut Data needs a root entity to implement {@code @Query}
     * methods; never read or written as an entity (no generated CRUD is used).
     */
    @MappedEntity("payment_applications")
    static final class ApplicationTable {
        @Id
        private final Long id;

        ApplicationTable(Long id) {
            this.id = id;
        }

        public Long getId() {
            return id;
        }
    }
}
