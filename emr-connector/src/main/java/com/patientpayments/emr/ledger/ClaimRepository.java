package com.patientpayments.emr.ledger;

import com.patientpayments.emr.Jdbc;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The provider's current state of each refund ({@code refunds}) and dispute ({@code dispute_states}), the dispute
 * milestones the receipt lists ({@code disputes}), and events parked until their payment is posted.
 */
@Singleton
public class ClaimRepository {

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

    public Optional<RefundRow> refund(Connection c, String refundId) {
        return Jdbc.one(
                c,
                "SELECT refund_id, transaction_id, amount_cents, status, provider_created_at FROM refunds"
                        + " WHERE refund_id = ?",
                rs -> new RefundRow(
                        rs.getString(1),
                        rs.getObject(2, UUID.class),
                        rs.getLong(3),
                        RefundStatus.parse(rs.getString(4)),
                        Jdbc.instant(rs, "provider_created_at")),
                refundId);
    }

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

    public Optional<DisputeRow> dispute(Connection c, String disputeId) {
        return Jdbc.one(
                c,
                "SELECT dispute_id, transaction_id, amount_cents, status FROM dispute_states" + " WHERE dispute_id = ?",
                rs -> new DisputeRow(
                        rs.getString(1),
                        rs.getObject(2, UUID.class),
                        rs.getLong(3),
                        DisputeStatus.parse(rs.getString(4))),
                disputeId);
    }

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
    public List<Holdings.Claim> claims(Connection c, UUID txId) {
        List<Holdings.Claim> out = new ArrayList<>(Jdbc.list(
                c,
                "SELECT refund_id, amount_cents, status FROM refunds"
                        + " WHERE transaction_id = ? ORDER BY provider_created_at NULLS LAST, created_at, refund_id",
                rs -> new Holdings.Claim(
                        new Holdings.Source(Holdings.Kind.REFUND, rs.getString(1)),
                        RefundStatus.parse(rs.getString(3)).inEffect() ? rs.getLong(2) : 0),
                txId));
        out.addAll(Jdbc.list(
                c,
                "SELECT dispute_id, amount_cents, status FROM dispute_states"
                        + " WHERE transaction_id = ? ORDER BY created_at, dispute_id",
                rs -> new Holdings.Claim(
                        new Holdings.Source(Holdings.Kind.DISPUTE, rs.getString(1)),
                        DisputeStatus.parse(rs.getString(3)).fundsWithdrawn() ? rs.getLong(2) : 0),
                txId));
        return out;
    }

    /** Refunds currently in effect, and whether a dispute is open / was lost. */
    public record Facts(long refundedCents, boolean disputeOpen, boolean disputeLost) {}

    public Facts facts(Connection c, UUID txId) {
        long refunded = Jdbc.longValue(
                c,
                "SELECT COALESCE(SUM(amount_cents), 0) FROM refunds WHERE transaction_id = ?"
                        + " AND status NOT IN ('failed', 'canceled')",
                txId);
        List<DisputeStatus> disputes = Jdbc.list(
                c,
                "SELECT status FROM dispute_states WHERE transaction_id = ?",
                rs -> DisputeStatus.parse(rs.getString(1)),
                txId);
        return new Facts(
                refunded, disputes.stream().anyMatch(DisputeStatus::open), disputes.contains(DisputeStatus.LOST));
    }

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
}
