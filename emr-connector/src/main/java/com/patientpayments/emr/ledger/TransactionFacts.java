package com.patientpayments.emr.ledger;

import com.patientpayments.contract.TransactionStatus;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The few facts about a transaction that refunds and disputes need, what each refund or dispute currently takes, and
 * the transaction's status refresh. A Micronaut Data repository whose native {@code @Query} statements return flat row
 * records; call it inside the caller's transaction (the reads run on its connection, after its household row lock, so
 * they see what the transaction wrote). Amounts are cents.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
abstract class TransactionFacts implements GenericRepository<TransactionFacts.FactsTable, UUID> {

    record Row(UUID id, UUID householdId, long amountCents, TransactionStatus status) {}

    /** The transaction's facts; {@code NOT_FOUND} ({@link LedgerException}) for an unknown one. */
    Row load(UUID id) {
        return row(id).map(FactsRow::row).orElseThrow(() -> LedgerException.notFound("Transaction"));
    }

    /** The facts of the transaction posted for this provider reference; empty when none was posted. */
    Optional<Row> byReference(String providerReference) {
        return rowByReference(providerReference).map(FactsRow::row);
    }

    @Query("SELECT id, household_id, amount_cents, status FROM transactions WHERE id = :id")
    protected abstract Optional<FactsRow> row(UUID id);

    @Query("SELECT id, household_id, amount_cents, status FROM transactions WHERE provider_reference = :reference")
    protected abstract Optional<FactsRow> rowByReference(String reference);

    /**
     * Re-derives the status from the refunds in effect and the disputes, and stores it when it changed (on {@code c},
     * the caller's transaction connection).
     */
    TransactionStatus refreshStatus(Connection c, UUID id, ClaimRepository claims, TransactionRepository transactions) {
        Row row = load(id);
        ClaimRepository.Facts facts = claims.facts(id);
        TransactionStatus next = TransactionStatus.derive(
                row.amountCents(), facts.refundedCents(), facts.disputeOpen(), facts.disputeLost());
        if (next != row.status()) {
            transactions.updateStatus(c, id, next);
        }
        return next;
    }

    /**
     * What a refund currently takes per charge ({@code amountCents} > 0 only), in the order taken (newest charge
     * first): net of its rows on the charge and of the credit it keeps in lieu of the charge.
     */
    List<RefundView.ChargeAmount> takenByRefund(String refundId) {
        return takenByRefundRows(refundId).stream().map(ChargeAmountRow::view).toList();
    }

    /** As {@link #takenByRefund}, for a dispute. */
    List<RefundView.ChargeAmount> takenByDispute(String disputeId) {
        return takenByDisputeRows(disputeId).stream().map(ChargeAmountRow::view).toList();
    }

    /** Everything a dispute ever put back on charges (its re-application rows), per charge. */
    List<RefundView.ChargeAmount> reapplied(String disputeId) {
        return reappliedRows(disputeId).stream().map(ChargeAmountRow::view).toList();
    }

    /** What a refund or dispute currently takes from the transaction's own credit (cents, ≥ 0 for a taking). */
    long creditTaken(String sourceId, String kindPrefix) {
        return -creditRows(sourceId, kindPrefix);
    }

    @Query("SELECT x.charge_id, -SUM(x.amount_cents) AS amount_cents FROM (SELECT charge_id, amount_cents"
            + " FROM payment_applications WHERE refund_id = :refundId UNION ALL SELECT charge_id, amount_cents"
            + " FROM household_credit_entries WHERE reference = :refundId AND kind LIKE 'REFUND%'"
            + " AND charge_id IS NOT NULL) x JOIN charges ch ON ch.id = x.charge_id"
            + " GROUP BY x.charge_id, ch.service_date, ch.entry_seq"
            + " HAVING SUM(x.amount_cents) < 0 ORDER BY ch.service_date DESC, ch.entry_seq DESC")
    protected abstract List<ChargeAmountRow> takenByRefundRows(String refundId);

    @Query("SELECT x.charge_id, -SUM(x.amount_cents) AS amount_cents FROM (SELECT charge_id, amount_cents"
            + " FROM payment_applications WHERE dispute_id = :disputeId UNION ALL SELECT charge_id, amount_cents"
            + " FROM household_credit_entries WHERE reference = :disputeId AND kind LIKE 'DISPUTE%'"
            + " AND charge_id IS NOT NULL) x JOIN charges ch ON ch.id = x.charge_id"
            + " GROUP BY x.charge_id, ch.service_date, ch.entry_seq"
            + " HAVING SUM(x.amount_cents) < 0 ORDER BY ch.service_date DESC, ch.entry_seq DESC")
    protected abstract List<ChargeAmountRow> takenByDisputeRows(String disputeId);

    @Query("SELECT COALESCE(SUM(amount_cents), 0) FROM household_credit_entries"
            + " WHERE reference = :sourceId AND kind LIKE :kindPrefix AND charge_id IS NULL")
    protected abstract long creditRows(String sourceId, String kindPrefix);

    @Query("SELECT charge_id, SUM(amount_cents) AS amount_cents FROM payment_applications WHERE dispute_id = :disputeId"
            + " AND kind = 'DISPUTE_REAPPLY' GROUP BY charge_id ORDER BY charge_id")
    protected abstract List<ChargeAmountRow> reappliedRows(String disputeId);

    /** One row of {@code transactions} as the facts read it; status by name. */
    @Introspected
    protected record FactsRow(UUID id, UUID householdId, long amountCents, String status) {
        Row row() {
            return new Row(id, householdId, amountCents, TransactionStatus.valueOf(status));
        }
    }

    /** An amount (cents) on one charge. */
    @Introspected
    protected record ChargeAmountRow(String chargeId, long amountCents) {
        RefundView.ChargeAmount view() {
            return new RefundView.ChargeAmount(chargeId, amountCents);
        }
    }

    /**
     * The table the repository is rooted at, because Micronaut Data needs a root entity to implement {@code @Query}
     * methods; never read or written as an entity (no generated CRUD is used).
     */
    @MappedEntity("transactions")
    static final class FactsTable {
        @Id
        private final UUID id;

        FactsTable(UUID id) {
            this.id = id;
        }

        public UUID getId() {
            return id;
        }
    }
}
