package com.patientpayments.bff.webhook;

import com.patientpayments.bff.emr.DisputeStatus;
import com.patientpayments.bff.emr.EmrOutcome;
import com.patientpayments.bff.payment.IntentSnapshot;
import com.patientpayments.bff.payment.PaymentProvider.RefundSnapshot;
import com.patientpayments.bff.payment.StripePaymentProvider;
import com.stripe.model.Refund;
import io.micronaut.core.annotation.Nullable;
import java.util.Optional;
import java.util.Set;

/**
 * The provider-event → ledger mapping: what a Stripe event means for the ledger, decided from values alone (no
 * provider, connector or queue call). {@link StripeEventProcessor}, {@link IntentEvents} and {@link ClaimEvents} do the
 * I/O around these decisions; this class is what mutation testing ({@code make mutation}) checks against its unit
 * tests.
 */
final class EventMapping {

    static final String INTENT_SUCCEEDED = "payment_intent.succeeded";
    static final String INTENT_FAILED = "payment_intent.payment_failed";
    static final String INTENT_CANCELED = "payment_intent.canceled";
    static final String CHARGE_REFUNDED = "charge.refunded";

    private static final Set<String> INTENT = Set.of(INTENT_SUCCEEDED, INTENT_FAILED, INTENT_CANCELED);
    private static final Set<String> REFUND =
            Set.of("refund.created", "refund.updated", "refund.failed", "charge.refund.updated");
    private static final Set<String> DISPUTE = Set.of(
            "charge.dispute.created",
            "charge.dispute.updated",
            "charge.dispute.closed",
            "charge.dispute.funds_withdrawn",
            "charge.dispute.funds_reinstated");

    private EventMapping() {}

    /** Which handler an event type goes to. */
    enum Route {
        /** {@code payment_intent.succeeded}, {@code .payment_failed}, {@code .canceled}: {@link IntentEvents}. */
        INTENT,
        /** {@code charge.refunded}: every refund of the charge. */
        CHARGE_REFUNDED,
        /** {@code refund.*} and {@code charge.refund.updated}: that refund. */
        REFUND,
        /** {@code charge.dispute.*}: the dispute at its status. */
        DISPUTE,
        /** Any other type (or none): acknowledged and ignored. */
        UNHANDLED
    }

    /** The route of an event type; {@link Route#UNHANDLED} for an unknown, blank or missing type. */
    static Route route(@Nullable String type) {
        if (type == null) {
            return Route.UNHANDLED;
        }
        if (INTENT.contains(type)) {
            return Route.INTENT;
        }
        if (CHARGE_REFUNDED.equals(type)) {
            return Route.CHARGE_REFUNDED;
        }
        if (REFUND.contains(type)) {
            return Route.REFUND;
        }
        return DISPUTE.contains(type) ? Route.DISPUTE : Route.UNHANDLED;
    }

    /**
     * The {@code type} label of {@code payments_webhook_processed_total}: the type when it is one we handle, else
     * {@code other} (a label never carries an unbounded set of values sent by a caller).
     */
    static String metricType(@Nullable String type) {
        return type == null || route(type) == Route.UNHANDLED ? "other" : type;
    }

    /** What an intent event asks of the ledger. */
    enum IntentAction {
        /** Post the payment (the intent succeeded, or the signed event says so while the re-read lags). */
        POST(""),
        /** Record the attempt's failure. */
        FAIL(""),
        /** A failure event for an intent that is processing again (the patient retried): its own event follows. */
        IGNORE_SUPERSEDED("superseded");

        private final String reason;

        IntentAction(String reason) {
            this.reason = reason;
        }

        /** The reason an ignored event is logged and counted with; empty for POST and FAIL. */
        String reason() {
            return reason;
        }
    }

    /**
     * The final state comes from the intent, never from the event's name or arrival order alone: a failure event for
     * an intent that has succeeded posts the payment (a stale failure after a success records no failure), and a
     * failure event for an intent a re-read shows processing again waits for that retry's own event.
     *
     * @param type     the event type: {@code payment_intent.succeeded}, {@code .payment_failed} or {@code .canceled}
     *                 (only these reach {@link IntentEvents})
     * @param current  the intent re-read from the provider, or the event's copy when no re-read was possible
     * @param reread   whether {@code current} is a re-read (fresher than the event)
     */
    static IntentAction intentAction(String type, IntentSnapshot current, boolean reread) {
        if (current.succeeded() || INTENT_SUCCEEDED.equals(type)) {
            return IntentAction.POST;
        }
        if (reread && !current.failed()) {
            return IntentAction.IGNORE_SUPERSEDED;
        }
        return IntentAction.FAIL;
    }

    /**
     * The payment to post for {@link IntentAction#POST}: the re-read when it succeeded, with the event's details where
     * it lacks them; else the signed succeeded event itself (proof enough while the re-read lags).
     */
    static IntentSnapshot toPost(IntentSnapshot current, IntentSnapshot fromEvent) {
        return current.succeeded() ? current.withDetailsFrom(fromEvent) : fromEvent;
    }

    /** Our attempt reference: the event's copy, else the re-read's; null when neither carries one. */
    static @Nullable String attemptId(IntentSnapshot fromEvent, IntentSnapshot current) {
        return fromEvent.attemptId() != null ? fromEvent.attemptId() : current.attemptId();
    }

    /**
     * The failure code recorded for {@link IntentAction#FAIL}: the re-read's, else the event's, else {@code canceled}
     * for a canceled intent and {@code payment_failed} otherwise.
     */
    static String failureCode(IntentSnapshot current, IntentSnapshot fromEvent) {
        if (current.failureCode() != null) {
            return current.failureCode();
        }
        if (fromEvent.failureCode() != null) {
            return fromEvent.failureCode();
        }
        return "canceled".equals(current.status()) ? "canceled" : "payment_failed";
    }

    /** Empty when the intent's attempt is known; otherwise what to do with the event. */
    static Optional<EventResult> unknown(IntentOwnership.Kind kind) {
        return switch (kind) {
            case NOT_OURS -> Optional.of(EventResult.ignored("not_our_intent"));
            case OURS_UNKNOWN -> Optional.of(EventResult.deadLetter("unknown_intent"));
            case UNAVAILABLE -> Optional.of(EventResult.retry("connector_unavailable"));
            case KNOWN -> Optional.empty();
        };
    }

    /**
     * What the connector's answer to a post, a failure or a report means for the message: committed (found), try again
     * (unavailable), or an operator must look (anything the ledger refused).
     */
    static EventResult committed(EmrOutcome<?> outcome) {
        if (outcome instanceof EmrOutcome.Found<?>) {
            return EventResult.done();
        }
        if (outcome instanceof EmrOutcome.Unavailable<?>) {
            return EventResult.retry("connector_" + outcome.label());
        }
        return EventResult.deadLetter("ledger_" + outcome.label());
    }

    /** A refund as reported to the ledger; a missing amount is 0 (not reported), a missing status succeeded. */
    static RefundSnapshot refund(Refund refund) {
        return StripePaymentProvider.snapshot(refund);
    }

    /** Whether a refund moves money the ledger must hear of: it has an id and a positive amount. */
    static boolean reportable(RefundSnapshot refund) {
        return refund.amountCents() > 0 && refund.id() != null;
    }

    /**
     * A {@code charge.refunded} whose refunds cannot be listed: with an amount refunded the refund is not listed yet
     * (look again on the next receive), without one there is nothing to report.
     */
    static EventResult noRefundListed(@Nullable Long amountRefunded) {
        return amountRefunded != null && amountRefunded > 0
                ? EventResult.retry("refunds_not_listed")
                : EventResult.ignored("no_refund");
    }

    /**
     * The status a dispute is reported at; empty (acknowledged, not reported) for a status this version does not know
     * or an amount that is missing or not positive.
     */
    static Optional<DisputeStatus> disputeStatus(@Nullable String status, @Nullable Long amountCents) {
        if (amountCents == null || amountCents <= 0) {
            return Optional.empty();
        }
        return DisputeStatus.of(status);
    }
}
