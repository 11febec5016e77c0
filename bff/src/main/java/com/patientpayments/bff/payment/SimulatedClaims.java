package com.patientpayments.bff.payment;

import com.patientpayments.bff.payment.PaymentProvider.RefundSnapshot;
import com.patientpayments.bff.payment.SimulatedPaymentProvider.SimIntent;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The simulator's refunds and disputes, with Stripe's lifecycles and event shapes (sent through the production webhook
 * path by {@link SimulatedWebhookSender}):
 * <ul>
 *   <li>a refund is {@code succeeded} at once ({@code refund.created}, {@code charge.refunded}); on a payment made with
 *   Stripe's {@code 4000 0000 0000 5126} it fails a moment later, as Stripe's test card does ({@code refund.failed},
 *   {@code refund.updated}, {@code charge.refund.updated} with status {@code failed});</li>
 *   <li>a payment made with {@code 4000 0000 0000 0259} (fraudulent) or {@code 4000 0000 0000 2685} (product not
 *   received) is disputed a moment after it succeeds ({@code charge.dispute.created} and
 *   {@code charge.dispute.funds_withdrawn}, status {@code needs_response}); {@code 4000 0000 0000 1976} gets an
 *   inquiry ({@code warning_needs_response}, no funds withdrawn);</li>
 *   <li>evidence, as in Stripe's test mode: {@code winning_evidence} → {@code under_review} → {@code won}
 *   ({@code charge.dispute.funds_reinstated}); {@code losing_evidence} → {@code under_review} → {@code lost}. For an
 *   inquiry, winning closes it ({@code warning_under_review} → {@code warning_closed}); losing escalates it to a
 *   chargeback ({@code needs_response}, funds withdrawn).</li>
 * </ul>
 */
final class SimulatedClaims implements AutoCloseable {

    /** How long after the triggering step the simulated "later" events come (dispute opening, refund failure). */
    static final Duration LATER = Duration.ofMillis(700);

    /** One simulated refund. */
    record SimRefund(
            String id,
            String intentId,
            long amountCents,
            String status,
            Instant created,
            @Nullable String reason) {
        SimRefund withStatus(String next) {
            return new SimRefund(id, intentId, amountCents, next, created, reason);
        }

        boolean inEffect() {
            return !"failed".equals(status) && !"canceled".equals(status);
        }
    }

    /** One simulated dispute or inquiry. */
    record SimDispute(String id, String intentId, long amountCents, String status, String reason, Instant created) {
        SimDispute withStatus(String next) {
            return new SimDispute(id, intentId, amountCents, next, reason, created);
        }

        boolean fundsWithdrawn() {
            return "needs_response".equals(status) || "under_review".equals(status) || "lost".equals(status);
        }
    }

    private final SimulatedWebhookSender sender;
    private final Map<String, SimRefund> refunds = new ConcurrentHashMap<>();
    private final Map<String, String> refundByKey = new ConcurrentHashMap<>();
    private final Map<String, SimDispute> disputeByIntent = new ConcurrentHashMap<>();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "simulated-provider-events");
        t.setDaemon(true);
        return t;
    });

    SimulatedClaims(SimulatedWebhookSender sender) {
        this.sender = sender;
    }

    synchronized RefundSnapshot refund(
            SimIntent intent, long amountCents, String key, @Nullable String reason, boolean failsLater) {
        String existing = refundByKey.get(key);
        if (existing != null) {
            // refundByKey only names refunds that were put in refunds (both under this lock).
            return snapshot(Objects.requireNonNull(refunds.get(existing)));
        }
        if (!"succeeded".equals(intent.status())) {
            throw new ProviderRefusedException("Only a succeeded payment can be refunded.");
        }
        SimDispute dispute = disputeByIntent.get(intent.id());
        if (dispute != null && dispute.fundsWithdrawn()) {
            throw new ProviderRefusedException("A disputed payment cannot be refunded.");
        }
        long refundable = intent.amountCents() - refunded(intent.id());
        if (amountCents <= 0 || amountCents > refundable) {
            throw new ProviderRefusedException("The refund must be between 1 and " + refundable + " cents.");
        }
        SimRefund refund = new SimRefund(
                "re_" + SimulatedPaymentProvider.random(24),
                intent.id(),
                amountCents,
                "succeeded",
                Instant.now(),
                reason);
        refunds.put(refund.id(), refund);
        refundByKey.put(key, refund.id());
        Instant now = Instant.now();
        sender.deliver("refund.created", SimulatedWebhookSender.refund(refund, intent), intent.account(), now);
        sender.deliver(
                "charge.refunded",
                SimulatedWebhookSender.charge(intent, refunded(intent.id()), now),
                intent.account(),
                now);
        if (failsLater) {
            later.schedule(() -> fail(refund.id(), intent), LATER.toMillis(), TimeUnit.MILLISECONDS);
        }
        return snapshot(refund);
    }

    private void fail(String refundId, SimIntent intent) {
        SimRefund failed = refunds.computeIfPresent(refundId, (id, r) -> r.withStatus("failed"));
        Instant now = Instant.now();
        for (String type : List.of("refund.failed", "refund.updated", "charge.refund.updated")) {
            sender.deliver(type, SimulatedWebhookSender.refund(failed, intent), intent.account(), now);
        }
    }

    /** Opens a dispute (or an inquiry) on a payment that just succeeded, a moment later. */
    void openLater(SimIntent intent, boolean inquiry, String reason) {
        later.schedule(
                () -> {
                    SimDispute d = new SimDispute(
                            "dp_" + SimulatedPaymentProvider.random(24),
                            intent.id(),
                            intent.amountCents() - refunded(intent.id()),
                            inquiry ? "warning_needs_response" : "needs_response",
                            reason,
                            Instant.now());
                    if (d.amountCents() <= 0 || disputeByIntent.putIfAbsent(intent.id(), d) != null) {
                        return;
                    }
                    send(d, intent, "charge.dispute.created");
                    if (!inquiry) {
                        send(d, intent, "charge.dispute.funds_withdrawn");
                    }
                },
                LATER.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Submits evidence for the payment's open dispute ({@code winning_evidence} / {@code losing_evidence}); the
     * events follow at once.
     */
    synchronized void evidence(SimIntent intent, String evidence) {
        SimDispute d = disputeByIntent.get(intent.id());
        if (d == null
                || d.status().equals("won")
                || d.status().equals("lost")
                || d.status().equals("warning_closed")) {
            throw new ProviderRefusedException("This payment has no open dispute.");
        }
        boolean winning = "winning_evidence".equals(evidence);
        if (!winning && !"losing_evidence".equals(evidence)) {
            throw new ProviderRefusedException("Evidence must be winning_evidence or losing_evidence.");
        }
        boolean inquiry = d.status().startsWith("warning_");
        if (inquiry && !winning) {
            d = move(intent, d, "needs_response", "charge.dispute.updated");
            send(d, intent, "charge.dispute.funds_withdrawn");
            return;
        }
        d = move(intent, d, inquiry ? "warning_under_review" : "under_review", "charge.dispute.updated");
        d = move(intent, d, inquiry ? "warning_closed" : winning ? "won" : "lost", "charge.dispute.closed");
        if (!inquiry && winning) {
            send(d, intent, "charge.dispute.funds_reinstated");
        }
    }

    List<RefundSnapshot> refundsOf(String intentId) {
        List<RefundSnapshot> out = new ArrayList<>();
        refunds.values().stream()
                .filter(r -> r.intentId().equals(intentId))
                .sorted(java.util.Comparator.comparing(SimRefund::created))
                .forEach(r -> out.add(snapshot(r)));
        return out;
    }

    private SimDispute move(SimIntent intent, SimDispute d, String status, String type) {
        SimDispute next = d.withStatus(status);
        disputeByIntent.put(intent.id(), next);
        send(next, intent, type);
        return next;
    }

    private void send(SimDispute d, SimIntent intent, String type) {
        sender.deliver(type, SimulatedWebhookSender.dispute(d, intent), intent.account(), Instant.now());
    }

    private long refunded(String intentId) {
        return refunds.values().stream()
                .filter(r -> r.intentId().equals(intentId) && r.inEffect())
                .mapToLong(SimRefund::amountCents)
                .sum();
    }

    private static RefundSnapshot snapshot(SimRefund r) {
        return new RefundSnapshot(r.id(), r.amountCents(), r.status(), r.created(), r.intentId());
    }

    @Override
    public void close() {
        later.shutdownNow();
    }
}
