package com.patientpayments.emr.ledger;

import com.patientpayments.emr.Jdbc;
import com.patientpayments.emr.charge.ChargeRepository;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The append-only ledger rows: applications/reversals on charges and household credit entries, plus the household row
 * lock that serializes every ledger change of one household. A Micronaut Data repository: the reads (balances, slots,
 * holdings, credit in lieu) are native {@code @Query} statements returning flat row records; the household lock
 * ({@code FOR UPDATE}), the allocatable charges (read on every posting, mapped by position), the appends and the event
 * record ({@code ON CONFLICT}) stay hand-written SQL over the connection of the caller's transaction. Call it inside
 * that transaction, after {@link #lockHousehold}: the reads run on the same connection, so they see what the
 * transaction wrote and read under the lock. Amounts are cents.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class LedgerRepository implements GenericRepository<LedgerRepository.ApplicationTable, UUID> {
    /** Takes the household's row lock for the rest of the transaction: concurrent payments queue here. */
    public void lockHousehold(Connection c, UUID householdId) {
        if (Jdbc.one(c, "SELECT id FROM households WHERE id = ? FOR UPDATE", rs -> 1, householdId)
                .isEmpty()) {
            throw new IllegalStateException("household row missing");
        }
    }

    /**
     * Charges a payment may go to: positive balance and not under dispute, in allocation order. Hand-written over the
     * caller's connection rather than a {@code @Query}: it runs on every posting, and Micronaut Data's by-name row
     * mapping (column names re-derived and looked up per row) was most of its cost (README, "where the time goes").
     */
    public List<Allocator.OpenCharge> allocatable(Connection c, UUID householdId) {
        return Jdbc.list(
                c,
                "SELECT * FROM (SELECT c.id, c.service_date, c.entry_seq, c.amount_cents"
                        + " - COALESCE((SELECT SUM(a.amount_cents) FROM payment_applications a"
                        + " WHERE a.charge_id = c.id), 0) AS balance, " + ChargeRepository.DISPUTED + " AS disputed"
                        + " FROM charges c WHERE c.household_id = ?) x"
                        + " WHERE x.balance > 0 AND NOT x.disputed ORDER BY x.service_date, x.entry_seq",
                rs -> new Allocator.OpenCharge(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, LocalDate.class),
                        rs.getLong(3),
                        Money.ofCents(rs.getLong(4))),
                householdId);
    }

    /** Current balances (cents) of the given charges. */
    public Map<UUID, Long> balances(List<UUID> chargeIds) {
        Map<UUID, Long> out = new HashMap<>();
        if (chargeIds.isEmpty()) {
            return out;
        }
        balanceRows(chargeIds).forEach(r -> out.put(r.chargeId(), r.amountCents()));
        return out;
    }

    /** {@code chargeIds} is expanded by Micronaut Data into one bind parameter per element. */
    @Query("SELECT c.id AS charge_id, c.amount_cents - COALESCE((SELECT SUM(a.amount_cents)"
            + " FROM payment_applications a WHERE a.charge_id = c.id), 0) AS amount_cents"
            + " FROM charges c WHERE c.id IN (:chargeIds)")
    protected abstract List<ChargeCentsRow> balanceRows(List<UUID> chargeIds);

    /**
     * The slots of a posting, the first to be taken back first: its credit, then its charges in reverse allocation
     * order (newest date of service, then latest entry), with what the posting put in each.
     */
    public List<Holdings.Slot> slots(UUID transactionId) {
        List<Holdings.Slot> slots = new ArrayList<>();
        slots.add(new Holdings.Slot(null, paymentCredit(transactionId)));
        chargeSlotRows(transactionId).forEach(r -> slots.add(new Holdings.Slot(r.chargeId(), r.amountCents())));
        return slots;
    }

    @Query("SELECT COALESCE(SUM(amount_cents), 0)"
            + " FROM household_credit_entries WHERE transaction_id = :transactionId AND kind = 'PAYMENT_CREDIT'")
    protected abstract long paymentCredit(UUID transactionId);

    @Query("SELECT a.charge_id, SUM(a.amount_cents) AS amount_cents FROM payment_applications a"
            + " JOIN charges c ON c.id = a.charge_id WHERE a.transaction_id = :transactionId AND a.kind = 'PAYMENT'"
            + " GROUP BY a.charge_id, c.service_date, c.entry_seq ORDER BY c.service_date DESC,"
            + " c.entry_seq DESC")
    protected abstract List<ChargeCentsRow> chargeSlotRows(UUID transactionId);

    /** What each refund and dispute of the transaction holds now, per slot (charge, or null for the credit). */
    public List<Holdings.Held> held(UUID transactionId) {
        List<Holdings.Held> held = new ArrayList<>();
        heldOnChargesRows(transactionId).forEach(r -> held.add(r.held()));
        heldAsCreditRows(transactionId).forEach(r -> held.add(r.held()));
        return held;
    }

    @Query("SELECT CASE WHEN refund_id IS NOT NULL THEN 'REFUND'"
            + " ELSE 'DISPUTE' END AS kind, COALESCE(refund_id, dispute_id) AS source_id, charge_id,"
            + " -SUM(amount_cents) AS taken_cents FROM payment_applications WHERE transaction_id = :transactionId"
            + " AND (refund_id IS NOT NULL OR dispute_id IS NOT NULL) GROUP BY 1, 2, 3")
    protected abstract List<HeldRow> heldOnChargesRows(UUID transactionId);

    @Query("SELECT CASE WHEN kind LIKE 'REFUND%' THEN 'REFUND' ELSE 'DISPUTE' END AS kind, reference AS source_id,"
            + " charge_id, -SUM(amount_cents) AS taken_cents FROM household_credit_entries"
            + " WHERE transaction_id = :transactionId"
            + " AND (kind LIKE 'REFUND%' OR kind LIKE 'DISPUTE%') GROUP BY 1, 2, 3")
    protected abstract List<HeldRow> heldAsCreditRows(UUID transactionId);

    /** Credit the transaction keeps in lieu of each charge (restorations that did not fit on the charge). */
    public Map<UUID, Long> inLieuCredit(UUID transactionId) {
        Map<UUID, Long> out = new HashMap<>();
        inLieuCreditRows(transactionId).forEach(r -> out.put(r.chargeId(), r.amountCents()));
        return out;
    }

    @Query("SELECT charge_id, SUM(amount_cents) AS amount_cents FROM household_credit_entries"
            + " WHERE transaction_id = :transactionId AND charge_id IS NOT NULL GROUP BY charge_id")
    protected abstract List<ChargeCentsRow> inLieuCreditRows(UUID transactionId);

    /** One application (+) or reversal (−) row to append. */
    public record Row(UUID chargeId, long amountCents, long balanceAfterCents) {}

    public void appendApplications(
            Connection c,
            UUID transactionId,
            LedgerKind kind,
            @Nullable String refundId,
            @Nullable String disputeId,
            List<Row> rows) {
        List<Object[]> params = new ArrayList<>(rows.size());
        for (Row r : rows) {
            params.add(new Object[] {
                transactionId, r.chargeId(), r.amountCents(), kind.name(), r.balanceAfterCents(), refundId, disputeId
            });
        }
        Jdbc.batch(
                c,
                "INSERT INTO payment_applications (transaction_id, charge_id, amount_cents, kind,"
                        + " balance_after_cents, refund_id, dispute_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                params);
    }

    /**
     * Appends a credit entry of the household; {@code inLieuOf} names the charge a restoration could not go back to
     * (null for the transaction's own credit).
     */
    public void appendCredit(
            Connection c,
            UUID householdId,
            UUID transactionId,
            long amountCents,
            LedgerKind kind,
            @Nullable String reference,
            @Nullable UUID inLieuOf) {
        Jdbc.update(
                c,
                "INSERT INTO household_credit_entries (household_id, transaction_id, amount_cents, kind,"
                        + " reference, charge_id) VALUES (?, ?, ?, ?, ?, ?)",
                householdId,
                transactionId,
                amountCents,
                kind.name(),
                reference,
                inLieuOf);
    }

    /** Records a provider event id; false when it was already recorded. */
    public boolean recordEvent(Connection c, @Nullable String eventId, String kind) {
        if (eventId == null) {
            return true;
        }
        return Jdbc.update(
                        c,
                        "INSERT INTO processed_provider_events (event_id, kind) VALUES (?, ?)"
                                + " ON CONFLICT (event_id) DO NOTHING",
                        eventId,
                        kind)
                == 1;
    }

    /** An amount (cents) on one charge; {@code chargeId} is never null here. */
    @Introspected
    protected record ChargeCentsRow(UUID chargeId, long amountCents) {}

    /** What one refund or dispute ({@code kind} by name) takes from one slot (charge, or null for the credit). */
    @Introspected
    protected record HeldRow(
            String kind, String sourceId, @Nullable UUID chargeId, long takenCents) {
        Holdings.Held held() {
            return new Holdings.Held(new Holdings.Source(Holdings.Kind.valueOf(kind), sourceId), chargeId, takenCents);
        }
    }

    /**
     * The table the repository is rooted at, because Micronaut Data needs a root entity to implement {@code @Query}
     * methods; never read or written as an entity (no generated CRUD is used).
     */
    @MappedEntity("payment_applications")
    static final class ApplicationTable {
        @Id
        private final UUID id;

        ApplicationTable(UUID id) {
            this.id = id;
        }

        public UUID getId() {
            return id;
        }
    }
}
