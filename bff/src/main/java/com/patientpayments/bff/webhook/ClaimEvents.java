package com.patientpayments.bff.webhook;

import com.patientpayments.bff.emr.DisputeStatus;
import com.patientpayments.bff.emr.EmrClaims;
import com.patientpayments.bff.emr.EmrClient;
import com.patientpayments.bff.emr.EmrOutcome;
import com.patientpayments.bff.emr.EmrRequests;
import com.patientpayments.bff.household.HouseholdChargesCache;
import com.patientpayments.bff.payment.IntentSnapshot;
import com.patientpayments.bff.payment.PaymentPosting;
import com.patientpayments.bff.payment.PaymentProvider;
import com.patientpayments.bff.payment.PaymentProvider.RefundSnapshot;
import com.patientpayments.bff.payment.ProviderException;
import com.patientpayments.bff.receipt.ReceiptService;
import com.patientpayments.contract.PaymentAttempt;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Refund;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refund and dispute events: each reports the object's <em>current status</em> to the ledger, which keeps the
 * furthest status and moves the money accordingly (emr-connector/API.md "Refunds and disputes").
 *
 * <ul>
 *   <li>{@code charge.refunded}: every refund of the charge — embedded in older API versions, otherwise listed from
 *   the provider (current versions send {@code amount_refunded} only);</li>
 *   <li>{@code refund.created} / {@code .updated} / {@code .failed} and {@code charge.refund.updated}: that
 *   refund;</li>
 *   <li>{@code charge.dispute.*} (created, updated, closed, funds_withdrawn, funds_reinstated): the dispute at its
 *   status; inquiries included (they move no money).</li>
 * </ul>
 * An event whose payment is not posted yet first tries to post it from the provider's own record (a refund or dispute
 * proves the payment succeeded); otherwise the connector parks the report durably and applies it when the payment
 * posts. Never an error, never the DLQ, for ordering.
 */
@Singleton
public class ClaimEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimEvents.class);

    private final EmrClient emr;
    private final PaymentProvider provider;
    private final PaymentPosting posting;
    private final IntentOwnership ownership;
    private final HouseholdChargesCache charges;
    private final ReceiptService receipts;

    public ClaimEvents(
            EmrClient emr,
            PaymentProvider provider,
            PaymentPosting posting,
            IntentOwnership ownership,
            HouseholdChargesCache charges,
            ReceiptService receipts) {
        this.emr = emr;
        this.provider = provider;
        this.posting = posting;
        this.ownership = ownership;
        this.charges = charges;
        this.receipts = receipts;
    }

    /** {@code charge.refunded}. */
    public EventResult chargeRefunded(String eventId, Charge charge, @Nullable String account) {
        Optional<String> intent;
        List<RefundSnapshot> refunds;
        try {
            intent = intentOf(charge.getPaymentIntent(), charge.getId(), account);
            refunds = charge.getRefunds() != null && charge.getRefunds().getData() != null
                    ? charge.getRefunds().getData().stream()
                            .map(EventMapping::refund)
                            .toList()
                    : provider.refundsOfCharge(charge.getId(), account);
        } catch (ProviderException e) {
            return EventResult.retry("provider_unavailable");
        }
        if (intent.isEmpty()) {
            return EventResult.ignored("no_payment_intent");
        }
        if (refunds.isEmpty()) {
            return EventMapping.noRefundListed(charge.getAmountRefunded());
        }
        EventResult result = refund(eventId, intent.get(), refunds.get(0), account);
        for (RefundSnapshot r : refunds.subList(1, refunds.size())) {
            result = result.worst(refund(eventId, intent.get(), r, account));
        }
        return result;
    }

    /** {@code refund.created} / {@code refund.updated} / {@code refund.failed} / {@code charge.refund.updated}. */
    public EventResult refund(String eventId, Refund refund, @Nullable String account) {
        Optional<String> intent;
        try {
            intent = intentOf(refund.getPaymentIntent(), refund.getCharge(), account);
        } catch (ProviderException e) {
            return EventResult.retry("provider_unavailable");
        }
        return intent.map(i -> refund(eventId, i, EventMapping.refund(refund), account))
                .orElseGet(() -> EventResult.ignored("no_payment_intent"));
    }

    /** {@code charge.dispute.*}: the dispute at its current status. */
    public EventResult dispute(String eventId, Dispute dispute, @Nullable String account) {
        Optional<DisputeStatus> status = EventMapping.disputeStatus(dispute.getStatus(), dispute.getAmount());
        if (status.isEmpty()) {
            LOG.warn("Dispute event {} with a status or amount this version does not know; acknowledged", eventId);
            return EventResult.ignored("unknown_dispute_status");
        }
        Optional<String> intent;
        try {
            intent = intentOf(dispute.getPaymentIntent(), dispute.getCharge(), account);
        } catch (ProviderException e) {
            return EventResult.retry("provider_unavailable");
        }
        if (intent.isEmpty()) {
            return EventResult.ignored("no_payment_intent");
        }
        var report = new EmrRequests.DisputeReport(
                dispute.getId(), dispute.getAmount(), status.get().wire(), eventId);
        return report(intent.get(), account, () -> emr.dispute(intent.get(), report));
    }

    private EventResult refund(String eventId, String intentId, RefundSnapshot r, @Nullable String account) {
        if (!EventMapping.reportable(r)) {
            return EventResult.ignored("empty_refund");
        }
        var report = new EmrRequests.RefundReport(r.id(), r.amountCents(), r.status(), r.created(), eventId);
        return report(intentId, account, () -> emr.refund(intentId, report));
    }

    /** Sends a report; posts the payment first when the report had to be parked; classifies unknown intents. */
    private <T extends EmrClaims.Claim> EventResult report(
            String intentId, @Nullable String account, Supplier<EmrOutcome<EmrClaims.Reported<T>>> send) {
        EmrOutcome<EmrClaims.Reported<T>> outcome = send.get();
        if (outcome.isNotFound()) {
            String attemptId;
            try {
                attemptId = provider.retrieve(intentId, account)
                        .map(IntentSnapshot::attemptId)
                        .orElse(null);
            } catch (ProviderException e) {
                return EventResult.retry("provider_unavailable"); // cannot tell whose it is yet
            }
            Optional<EventResult> unknown =
                    EventMapping.unknown(ownership.resolve(intentId, attemptId).kind());
            if (unknown.isPresent()) {
                return unknown.get();
            }
            outcome = send.get(); // the attempt was just attached: report again
        }
        if (!(outcome instanceof EmrOutcome.Found<EmrClaims.Reported<T>> found)) {
            return EventMapping.committed(outcome);
        }
        if (found.value().isParked()) {
            return postFirst(intentId, account) ? EventResult.done() : EventResult.parked();
        }
        emr.attemptByIntent(intentId)
                .optional()
                .map(PaymentAttempt::householdId)
                .ifPresent(charges::evict);
        // A report the connector did not park, it applied (Reported has exactly one of the two).
        refreshReceipt(Objects.requireNonNull(found.value().applied()).transactionId());
        return EventResult.done();
    }

    /** The cached receipt payload now lists the refund or dispute (best effort: it is rebuilt on a miss anyway). */
    private void refreshReceipt(String transactionId) {
        try {
            receipts.buildAndCache(transactionId);
        } catch (RuntimeException e) {
            LOG.info(
                    "Receipt payload not refreshed ({}); it is rebuilt when next read",
                    e.getClass().getSimpleName());
        }
    }

    /** Posts the payment from the provider's own record; the connector applies the parked report with it. */
    private boolean postFirst(String intentId, @Nullable String account) {
        try {
            Optional<IntentSnapshot> intent = provider.retrieve(intentId, account);
            return intent.isPresent()
                    && intent.get().succeeded()
                    && IntentEvents.posted(posting.post(intent.get(), null, null, null));
        } catch (ProviderException e) {
            return false; // parked durably: the payment's own event, reconciliation or the janitor posts it
        }
    }

    /** The intent an object belongs to; older shapes name only the charge, so the provider is asked. */
    private Optional<String> intentOf(
            @Nullable String paymentIntent, @Nullable String chargeId, @Nullable String account) {
        if (paymentIntent != null) {
            return Optional.of(paymentIntent);
        }
        return chargeId == null ? Optional.empty() : provider.intentOfCharge(chargeId, account);
    }
}
