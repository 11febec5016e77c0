package com.patientpayments.bff.payment;

import com.patientpayments.bff.household.HouseholdChargesCache;
import com.patientpayments.bff.payment.LedgerDtos.AttemptFailure;
import com.patientpayments.bff.payment.LedgerDtos.NewDispute;
import com.patientpayments.bff.payment.LedgerDtos.NewRefund;
import com.patientpayments.bff.payment.LedgerDtos.NewTransaction;
import com.patientpayments.bff.payment.LedgerDtos.PaymentAttempt;
import com.patientpayments.bff.payment.LedgerDtos.Transaction;
import com.patientpayments.bff.payment.PaymentProvider.RefundSnapshot;
import com.patientpayments.bff.webhook.ProcessingOutcome;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Posts provider events to the ledger. The final state of a payment comes from the intent — re-read from the
 * provider where it can be — never from the order events arrive in: a {@code payment_failed} for an intent that has
 * succeeded posts the payment; the connector never lets a failure override a success.
 */
@Singleton
public class PaymentPosting {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentPosting.class);

    private final LedgerClient ledger;
    private final PaymentProvider provider;
    private final ApplicationEventPublisher<PaymentPostedEvent> posted;
    private final HouseholdChargesCache charges;

    public PaymentPosting(LedgerClient ledger, PaymentProvider provider,
                          ApplicationEventPublisher<PaymentPostedEvent> posted, HouseholdChargesCache charges) {
        this.ledger = ledger;
        this.provider = provider;
        this.posted = posted;
        this.charges = charges;
    }

    /** {@code payment_intent.succeeded} / {@code payment_intent.payment_failed}. */
    public ProcessingOutcome onIntentEvent(String eventId, String type, PaymentIntent eventIntent,
                                           @Nullable String account, Instant eventCreated, @Nullable Instant receivedAt) {
        IntentSnapshot fromEvent = IntentSnapshot.of(eventIntent);
        IntentSnapshot current = reRead(fromEvent.id(), account).orElse(fromEvent);
        boolean succeeded = current.succeeded() || "payment_intent.succeeded".equals(type);
        if (succeeded) {
            // A signed succeeded event is proof enough when the re-read lags; prefer the fresher details.
            IntentSnapshot best = current.succeeded() ? merge(current, fromEvent) : fromEvent;
            post(best, eventId, eventCreated, receivedAt);
            return ProcessingOutcome.DONE;
        }
        PaymentAttempt attempt = ledger.attemptByIntent(current.id());
        String code = current.failureCode() != null ? current.failureCode()
                : fromEvent.failureCode() != null ? fromEvent.failureCode() : "payment_failed";
        ledger.recordFailure(attempt.id(), new AttemptFailure(eventId, code, FailureReasons.patientMessage(code)));
        return ProcessingOutcome.DONE;
    }

    /**
     * Posts a succeeded intent (idempotent by intent id). Answers the ledger transaction and whether it was posted
     * now (false: it was already there).
     */
    public Posted post(IntentSnapshot intent, @Nullable String eventId, @Nullable Instant eventCreated,
                       @Nullable Instant receivedAt) {
        HttpResponse<Transaction> response = ledger.postTransaction(new NewTransaction(intent.id(), eventId,
                intent.amountCents(), intent.currency(), intent.brand() == null ? "CARD" : intent.brand(),
                intent.last4(), (intent.paidAt() == null ? intent.created() : intent.paidAt()).toString()));
        Transaction tx = response.body();
        boolean created = response.getStatus() == HttpStatus.CREATED;
        posted.publishEvent(new PaymentPostedEvent(tx, created, eventCreated, receivedAt));
        return new Posted(tx, created);
    }

    /** {@code charge.refunded}: each refund of the charge, by refund id (full and partial alike). */
    public ProcessingOutcome onChargeRefunded(String eventId, Charge charge, @Nullable String account) {
        if (charge.getPaymentIntent() == null) {
            return ProcessingOutcome.DONE;  // not a PaymentIntent charge: not ours
        }
        Transaction tx = ledger.transactionByReference(charge.getPaymentIntent());
        List<RefundSnapshot> refunds = charge.getRefunds() != null && charge.getRefunds().getData() != null
                ? charge.getRefunds().getData().stream().map(PaymentPosting::snapshot).toList()
                : provider.refundsOfCharge(charge.getId(), account);
        for (RefundSnapshot refund : refunds) {
            if ("succeeded".equals(refund.status()) || "pending".equals(refund.status())) {
                ledger.refund(tx.id(), new NewRefund(refund.id(), refund.amountCents(), eventId));
            }
        }
        charges.evict(tx.householdId());
        return ProcessingOutcome.DONE;
    }

    /** {@code charge.dispute.created} → OPENED; {@code charge.dispute.closed} → WON / LOST. */
    public ProcessingOutcome onDispute(String eventId, String type, Dispute dispute) {
        String status;
        if ("charge.dispute.created".equals(type)) {
            status = "OPENED";
        } else if ("won".equals(dispute.getStatus())) {
            status = "WON";
        } else if ("lost".equals(dispute.getStatus())) {
            status = "LOST";
        } else {
            return ProcessingOutcome.DONE;  // e.g. warning_closed: no money moved
        }
        if (dispute.getPaymentIntent() == null) {
            return ProcessingOutcome.DONE;
        }
        Transaction tx = ledger.transactionByReference(dispute.getPaymentIntent());
        try {
            ledger.dispute(tx.id(), new NewDispute(dispute.getId(), dispute.getAmount(), status, eventId));
        } catch (HttpClientResponseException e) {
            if (e.getStatus() == HttpStatus.CONFLICT) {
                LOG.info("Dispute outcome arrived before the dispute opened; retried later");
            }
            throw e;
        }
        charges.evict(tx.householdId());
        return ProcessingOutcome.DONE;
    }

    private Optional<IntentSnapshot> reRead(String intentId, @Nullable String account) {
        try {
            return provider.retrieve(intentId, account);
        } catch (RuntimeException e) {
            // The signed event stands in for the re-read when the provider is unreachable.
            LOG.info("Intent re-read unavailable ({}); using the event's copy", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static IntentSnapshot merge(IntentSnapshot current, IntentSnapshot event) {
        return new IntentSnapshot(current.id(), current.status(), current.amountCents(), current.currency(),
                current.brand() != null ? current.brand() : event.brand(),
                current.last4() != null ? current.last4() : event.last4(), current.created(),
                current.paidAt() != null ? current.paidAt() : event.paidAt(), null, null);
    }

    private static RefundSnapshot snapshot(Refund refund) {
        return new RefundSnapshot(refund.getId(), refund.getAmount() == null ? 0 : refund.getAmount(),
                refund.getStatus() == null ? "succeeded" : refund.getStatus());
    }

    /** A ledger transaction and whether this call posted it. */
    public record Posted(Transaction transaction, boolean created) {
    }
}
