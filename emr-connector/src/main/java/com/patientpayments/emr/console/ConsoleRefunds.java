package com.patientpayments.emr.console;

import com.patientpayments.contract.RefundRequest;
import com.patientpayments.emr.EmrException;
import com.patientpayments.emr.Jdbc;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Refund requests asked from the console. A request is recorded before the provider is asked (the idempotency key is
 * UNIQUE: the same key is the same request, whatever races), then marked {@code SUBMITTED} with the provider's refund
 * id, or {@code REFUSED}. The ledger itself changes only when the provider's refund event arrives (webhook path).
 * Requests are read through {@link RefundRequestRepository} on the caller's transaction; the payment's row lock, the
 * insert and the status update are plain JDBC on its connection.
 */
@Singleton
public class ConsoleRefunds {
    static final Set<String> REASONS = Set.of("REQUESTED_BY_CUSTOMER", "DUPLICATE", "FRAUDULENT", "OTHER");

    private final ConsolePayments payments;
    private final StaffAudit audit;
    private final RefundRequestRepository requests;

    public ConsoleRefunds(ConsolePayments payments, StaffAudit audit, RefundRequestRepository requests) {
        this.payments = payments;
        this.audit = audit;
        this.requests = requests;
    }

    /** The body of a new request. */
    @Serdeable
    public record NewRequest(
            String transactionId, Long amountCents, String reason, String note, String idempotencyKey) {}

    /** Records a request (or answers the one with the same key). Validates the amount against what is refundable. */
    public RefundRequest request(Connection c, UUID staffId, UUID practiceId, NewRequest body) {
        if (body == null
                || body.idempotencyKey() == null
                || !body.idempotencyKey().matches("[A-Za-z0-9_-]{8,100}")) {
            throw EmrException.invalid("idempotencyKey must be 8-100 letters, digits, '-' or '_'.");
        }
        Optional<RefundRequest> known = find(body.idempotencyKey(), false);
        if (known.isPresent()) {
            if (!known.get().transactionId().equals(body.transactionId())
                    || known.get().amountCents() != (body.amountCents() == null ? -1 : body.amountCents())) {
                throw EmrException.conflict("This idempotencyKey was used for another refund.");
            }
            return known.get();
        }
        if (body.reason() == null || !REASONS.contains(body.reason())) {
            throw EmrException.invalid("reason must be one of " + REASONS + ".");
        }
        if (body.note() != null && body.note().length() > 500) {
            throw EmrException.invalid("note is at most 500 characters.");
        }
        UUID tx;
        try {
            tx = UUID.fromString(body.transactionId());
        } catch (RuntimeException e) {
            throw EmrException.notFound("Transaction");
        }
        // Serializes requests of one payment: two concurrent ones cannot both fit under the refundable amount.
        Jdbc.one(c, "SELECT 1 FROM transactions WHERE id = ? FOR UPDATE", rs -> 1, tx);
        var payment = payments.detail(c, practiceId, tx).orElseThrow(() -> EmrException.notFound("Transaction"));
        long amount = body.amountCents() == null ? 0 : body.amountCents();
        if (amount <= 0) {
            throw EmrException.invalid("amountCents must be more than zero.");
        }
        if (amount > payment.refundableCents()) {
            throw EmrException.invalid(
                    "amountCents is more than what is refundable (" + payment.refundableCents() + ").");
        }
        if ("DISPUTED".equals(payment.status())) {
            throw EmrException.invalid("A disputed payment cannot be refunded.");
        }
        UUID id = UUID.randomUUID();
        int inserted = Jdbc.update(
                c,
                "INSERT INTO refund_requests (id, transaction_id, staff_id, amount_cents, reason,"
                        + " note, idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING",
                id,
                tx,
                staffId,
                amount,
                body.reason(),
                body.note(),
                body.idempotencyKey());
        if (inserted == 0) {
            return find(body.idempotencyKey(), false).orElseThrow();
        }
        audit.append(c, staffId, practiceId, StaffAudit.Action.REFUND_REQUESTED, tx, amount, id.toString());
        return find(body.idempotencyKey(), true).orElseThrow();
    }

    /** The provider's answer: its refund id, or refused. */
    public RefundRequest settle(Connection c, UUID practiceId, UUID requestId, @Nullable String providerRefundId) {
        int n = Jdbc.update(
                c,
                "UPDATE refund_requests q SET status = ?, provider_refund_id = ?, updated_at = now()"
                        + " FROM transactions t WHERE q.id = ? AND t.id = q.transaction_id AND t.practice_id = ?"
                        + " AND q.status = 'REQUESTED'",
                providerRefundId == null ? "REFUSED" : "SUBMITTED",
                providerRefundId,
                requestId,
                practiceId);
        String key = requests.idempotencyKeyOf(requestId, practiceId)
                .orElseThrow(() -> EmrException.notFound("Refund request"));
        return find(key, n > 0).orElseThrow();
    }

    /** The request under {@code key}, read on the caller's transaction (it sees that transaction's own insert). */
    private Optional<RefundRequest> find(String key, boolean created) {
        return requests.byIdempotencyKey(key).map(r -> r.withCreated(created));
    }
}
