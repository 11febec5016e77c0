package com.patientpayments.emr.ledger;

import com.patientpayments.emr.Jdbc;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The provider's current state of each refund ({@code refunds}) and dispute ({@code dispute_states}), the dispute
 * milestones the receipt lists ({@code disputes}), and events parked until their payment is posted. A Micronaut Data
 * repository: the reads are native {@code @Query} statements returning flat row records; the inserts, updates, the
 * milestone and park upserts ({@code ON CONFLICT}) and the parked reports ({@code FOR UPDATE}) stay hand-written SQL
 * over the connection of the caller's transaction. Call it inside that transaction (under the household row lock):
 * the reads run on the same connection, so they see what it wrote. Amounts are cents.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class ClaimRepository implements GenericRepository<ClaimRepository.RefundTable, UUID> {

    /** A refund as stored. */
    public record RefundRow(
            String refundId,
            UUID transactionId,
            long amountCents,
            RefundStatus status,
            @Nullable Instant providerCreatedAt) {}

    /** A dispute as stored. */
    public record DisputeRow(String disputeId, UUID transactionId, long amountCents, DisputeStatus status) {}

    /** A refund or dispute report waiting for its payment. */
    public record Parked(
            long id,
            Holdings.Kind kind,
            String sourceId,
            long amountCents,
            String status,
            @Nullable Instant providerCreatedAt,
            @Nullable String eventId) {}

    /** The refund as stored; empty when it was never recorded. */
    public Optional<RefundRow> refund(String refundId) {
        return refundRow(refundId).map(StoredRefund::row);
    }

    @Query("SELECT refund_id, transaction_id, amount_cents, status, provider_created_at FROM refunds"
            + " WHERE refund_id = :refundId")
    protected abstract Optional<StoredRefund> refundRow(String refundId);

    public void insertRefund(Connection c, RefundRow r) {
        Jdbc.update(
                c,
                "INSERT INTO refunds (id, refund_id, transaction_id, amount_cents, status, provider_created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(),
                r.refundId(),
                r.transactionId(),
                r.amountCents(),
                r.status().wire(),
                r.providerCreatedAt());
    }

    public void updateRefundStatus(Connection c, String refundId, RefundStatus status) {
        Jdbc.update(
                c, "UPDATE refunds SET status = ?, updated_at = now() WHERE refund_id = ?", status.wire(), refundId);
    }

    /** The dispute as stored; empty when it was never recorded. */
    public Optional<DisputeRow> dispute(String disputeId) {
        return disputeRow(disputeId).map(StoredDispute::row);
    }

    @Query("SELECT dispute_id, transaction_id, amount_cents, status FROM dispute_states WHERE dispute_id = :disputeId")
    protected abstract Optional<StoredDispute> disputeRow(String disputeId);

    public void insertDispute(Connection c, DisputeRow d) {
        Jdbc.update(
                c,
                "INSERT INTO dispute_states (dispute_id, transaction_id, amount_cents, status)"
                        + " VALUES (?, ?, ?, ?)",
                d.disputeId(),
                d.transactionId(),
                d.amountCents(),
                d.status().wire());
    }

    public void updateDispute(Connection c, String disputeId, long amountCents, DisputeStatus status) {
        Jdbc.update(
                c,
                "UPDATE dispute_states SET amount_cents = ?, status = ?, updated_at = now()" + " WHERE dispute_id = ?",
                amountCents,
                status.wire(),
                disputeId);
    }

    /** Appends a milestone (OPENED, WON, LOST) once; the UNIQUE (dispute, status) constraint decides. */
    public void milestone(Connection c, String disputeId, String milestone, UUID txId, long amountCents) {
        Jdbc.update(
                c,
                "INSERT INTO disputes (id, dispute_id, status, transaction_id, amount_cents)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (dispute_id, status) DO NOTHING",
                UUID.randomUUID(),
                disputeId,
                milestone,
                txId,
                amountCents);
    }

    /** The transaction's claims in claim order: refunds by provider creation time, then disputes. */
    public List<Holdings.Claim> claims(UUID txId) {
        List<Holdings.Claim> out = new ArrayList<>();
        refundClaimRows(txId)
                .forEach(r -> out.add(new Holdings.Claim(
                        new Holdings.Source(Holdings.Kind.REFUND, r.sourceId()),
                        RefundStatus.parse(r.status()).inEffect() ? r.amountCents() : 0)));
        disputeClaimRows(txId)
                .forEach(r -> out.add(new Holdings.Claim(
                        new Holdings.Source(Holdings.Kind.DISPUTE, r.sourceId()),
                        DisputeStatus.parse(r.status()).fundsWithdrawn() ? r.amountCents() : 0)));
        return out;
    }

    @Query("SELECT refund_id AS source_id, amount_cents, status FROM refunds"
            + " WHERE transaction_id = :txId ORDER BY provider_created_at NULLS LAST, created_at, refund_id")
    protected abstract List<ClaimRow> refundClaimRows(UUID txId);

    @Query("SELECT dispute_id AS source_id, amount_cents, status FROM dispute_states"
            + " WHERE transaction_id = :txId ORDER BY created_at, dispute_id")
    protected abstract List<ClaimRow> disputeClaimRows(UUID txId);

    /** Refunds currently in effect (cents), and whether a dispute is open / was lost. */
    public record Facts(long refundedCents, boolean disputeOpen, boolean disputeLost) {}

    /** The transaction's {@link Facts}. */
    public Facts facts(UUID txId) {
        long refunded = refundedCents(txId);
        List<DisputeStatus> disputes =
                disputeStatuses(txId).stream().map(DisputeStatus::parse).toList();
        return new Facts(
                refunded, disputes.stream().anyMatch(DisputeStatus::open), disputes.contains(DisputeStatus.LOST));
    }

    @Query("SELECT COALESCE(SUM(amount_cents), 0) FROM refunds WHERE transaction_id = :txId"
            + " AND status NOT IN ('failed', 'canceled')")
    protected abstract long refundedCents(UUID txId);

    @Query("SELECT status FROM dispute_states WHERE transaction_id = :txId")
    protected abstract List<String> disputeStatuses(UUID txId);

    /** Parks a report (a duplicate of the same source and status is kept once). */
    public boolean park(
            Connection c,
            String reference,
            Holdings.Kind kind,
            String sourceId,
            long amountCents,
            String status,
            @Nullable Instant providerCreatedAt,
            @Nullable String eventId) {
        return Jdbc.update(
                        c,
                        "INSERT INTO parked_provider_events (provider_reference, kind, source_id, amount_cents,"
                                + " status, provider_created_at, event_id) VALUES (?, ?, ?, ?, ?, ?, ?)"
                                + " ON CONFLICT (kind, source_id, status) DO NOTHING",
                        reference,
                        kind.name(),
                        sourceId,
                        amountCents,
                        status,
                        providerCreatedAt,
                        eventId)
                == 1;
    }

    /** Reports parked for a provider reference and not applied yet, oldest first, locked for this transaction. */
    public List<Parked> parked(Connection c, String reference) {
        return Jdbc.list(
                c,
                "SELECT id, kind, source_id, amount_cents, status, provider_created_at, event_id"
                        + " FROM parked_provider_events WHERE provider_reference = ? AND applied_at IS NULL"
                        + " ORDER BY id FOR UPDATE",
                rs -> new Parked(
                        rs.getLong(1),
                        Holdings.Kind.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        Jdbc.instant(rs, "provider_created_at"),
                        rs.getString(7)),
                reference);
    }

    public void markApplied(Connection c, long parkedId) {
        Jdbc.update(c, "UPDATE parked_provider_events SET applied_at = now() WHERE id = ?", parkedId);
    }

    /** A {@code refunds} row as read; status as stored (wire name). */
    @Introspected
    protected record StoredRefund(
            String refundId,
            UUID transactionId,
            long amountCents,
            String status,
            @Nullable Instant providerCreatedAt) {
        RefundRow row() {
            return new RefundRow(refundId, transactionId, amountCents, RefundStatus.parse(status), providerCreatedAt);
        }
    }

    /** A {@code dispute_states} row as read; status as stored (wire name). */
    @Introspected
    protected record StoredDispute(String disputeId, UUID transactionId, long amountCents, String status) {
        DisputeRow row() {
            return new DisputeRow(disputeId, transactionId, amountCents, DisputeStatus.parse(status));
        }
    }

    /** A refund or dispute of a transaction: its id, amount (cents) and stored status. */
    @Introspected
    protected record ClaimRow(String sourceId, long amountCents, String status) {}

    /**
     * The table the repository is rooted at, because Micronaut Data needs a root entity to implement {@code @Query}
     * methods; never read or written as an entity (no generated CRUD is used).
     */
    @MappedEntity("refunds")
    static final class RefundTable {
        @Id
        private final UUID id;

        RefundTable(UUID id) {
            this.id = id;
        }

        public UUID getId() {
            return id;
        }
    }
}
