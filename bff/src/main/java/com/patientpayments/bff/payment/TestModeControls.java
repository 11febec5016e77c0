package com.patientpayments.bff.payment;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.PaymentIntent;
import com.stripe.param.DisputeListParams;
import com.stripe.param.DisputeUpdateParams;
import com.stripe.param.PaymentIntentConfirmParams;
import io.micronaut.core.annotation.Nullable;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The demo controls of {@code SIMULATED} mode (GraphQL {@code confirmSimulatedPayment}, {@code simulateRefund},
 * {@code simulateDisputeEvidence}) as Stripe test-mode API calls through stripe-java: a test card number becomes
 * Stripe's test PaymentMethod ({@code pm_card_visa}, …) confirmed on the intent; a refund is a Refund; evidence
 * ({@code winning_evidence} / {@code losing_evidence}, Stripe's test-mode convention) updates the payment's open
 * Dispute. The outcomes reach the ledger as Stripe's signed webhook events, like any payment's.
 */
public final class TestModeControls {

    /** Stripe's test card numbers the demo accepts → Stripe's test PaymentMethods (stripe.com/docs/testing). */
    static final Map<String, String> CARDS = Map.of(
            "4242424242424242", "pm_card_visa",
            "4000000000000002", "pm_card_chargeDeclined",
            "4000000000009995", "pm_card_chargeDeclinedInsufficientFunds",
            "4000000000005126", "pm_card_refundFail",
            "4000000000000259", "pm_card_createDispute",
            "4000000000002685", "pm_card_createDisputeProductNotReceived",
            "4000000000001976", "pm_card_createDisputeInquiry");

    private static final Set<String> CLOSED = Set.of("won", "lost", "warning_closed");
    private static final String UNKNOWN = "The payment is not known to the card processor.";

    private final StripeClient client;
    private final StripePaymentProvider provider;

    TestModeControls(StripeClient client, StripePaymentProvider provider) {
        this.client = client;
        this.provider = provider;
    }

    /**
     * Confirms the intent with a test card number (spaces allowed). A decline is no error here: its
     * {@code payment_intent.payment_failed} event follows; confirming a succeeded intent again changes nothing.
     *
     * @throws PaymentsException {@code BAD_USER_INPUT} for a number that is not one of the test cards,
     *     {@code NOT_FOUND} when Stripe does not know the intent
     * @throws ProviderException when Stripe refuses otherwise or does not answer
     */
    public void confirm(String intentId, @Nullable String cardNumber, @Nullable String account) {
        String digits = cardNumber == null ? "" : cardNumber.replace(" ", "");
        String paymentMethod = CARDS.get(digits);
        if (paymentMethod == null) {
            throw new PaymentsException(
                    ErrorCode.BAD_USER_INPUT,
                    "Use a test card: 4242 4242 4242 4242 (declined: 4000 0000 0000 0002, insufficient funds:"
                            + " 4000 0000 0000 9995; refunds fail: 4000 0000 0000 5126; disputed: 4000 0000 0000 0259;"
                            + " inquiry: 4000 0000 0000 1976).");
        }
        try {
            client.v1()
                    .paymentIntents()
                    .confirm(
                            intentId,
                            PaymentIntentConfirmParams.builder()
                                    .setPaymentMethod(paymentMethod)
                                    .build(),
                            StripePaymentProvider.options(account));
        } catch (CardException e) {
            // Declined: Stripe sends payment_intent.payment_failed.
        } catch (InvalidRequestException e) {
            if (e.getStatusCode() != null && e.getStatusCode() == 404) {
                throw new PaymentsException(ErrorCode.NOT_FOUND, "We could not find that payment.");
            }
            if (!"payment_intent_unexpected_state".equals(e.getCode())) {
                throw new ProviderException("Stripe rejected the confirm request", e);
            }
            // Already succeeded: confirming again changes nothing.
        } catch (StripeException e) {
            throw new ProviderException("Stripe did not answer the confirm request", e);
        }
    }

    /**
     * Refunds {@code amountCents} of the payment (reason {@code requested_by_customer}).
     *
     * @throws ProviderRefusedException when the payment is unknown, not succeeded, disputed, or the amount is not
     *     between 1 cent and what is left to refund (the reason says which)
     */
    public void refund(String intentId, long amountCents, @Nullable String account) {
        PaymentIntent intent = intent(intentId, account);
        if (!"succeeded".equals(intent.getStatus())) {
            throw new ProviderRefusedException("Only a succeeded payment can be refunded.");
        }
        try {
            provider.refund(intentId, amountCents, UUID.randomUUID().toString(), "requested_by_customer", account);
        } catch (ProviderRefusedException e) {
            if ("charge_disputed".equals(e.code())) {
                throw new ProviderRefusedException("A disputed payment cannot be refunded.", e.code());
            }
            if ("charge_already_refunded".equals(e.code())) {
                throw new ProviderRefusedException("This payment has already been refunded in full.", e.code());
            }
            Charge charge = intent.getLatestChargeObject();
            if (charge != null && charge.getAmount() != null) {
                long refunded = charge.getAmountRefunded() == null ? 0 : charge.getAmountRefunded();
                throw new ProviderRefusedException(
                        "The refund must be between 1 and " + (charge.getAmount() - refunded) + " cents.", e.code());
            }
            throw e;
        }
    }

    /**
     * Submits dispute evidence for the payment's open dispute: {@code winning_evidence} wins it (an inquiry closes),
     * {@code losing_evidence} loses it (an inquiry becomes a chargeback).
     *
     * @throws ProviderRefusedException when the payment is unknown, has no open dispute, or the evidence is neither
     */
    public void disputeEvidence(String intentId, String evidence, @Nullable String account) {
        intent(intentId, account);
        try {
            Dispute open = null;
            for (Dispute d : client.v1()
                    .disputes()
                    .list(
                            DisputeListParams.builder()
                                    .setPaymentIntent(intentId)
                                    .build(),
                            StripePaymentProvider.options(account))
                    .getData()) {
                if (!CLOSED.contains(d.getStatus())) {
                    open = d;
                }
            }
            if (open == null) {
                throw new ProviderRefusedException("This payment has no open dispute.");
            }
            if (!"winning_evidence".equals(evidence) && !"losing_evidence".equals(evidence)) {
                throw new ProviderRefusedException("Evidence must be winning_evidence or losing_evidence.");
            }
            client.v1()
                    .disputes()
                    .update(
                            open.getId(),
                            DisputeUpdateParams.builder()
                                    .setEvidence(DisputeUpdateParams.Evidence.builder()
                                            .setUncategorizedText(evidence)
                                            .build())
                                    .setSubmit(true)
                                    .build(),
                            StripePaymentProvider.options(account));
        } catch (InvalidRequestException e) {
            throw new ProviderRefusedException("This payment has no open dispute.", e.getCode());
        } catch (StripeException e) {
            throw new ProviderException("Stripe did not answer the dispute request", e);
        }
    }

    /** The intent with its latest charge. */
    private PaymentIntent intent(String intentId, @Nullable String account) {
        try {
            return StripePaymentProvider.retrieveWithCharge(client, intentId, account);
        } catch (InvalidRequestException e) {
            if (e.getStatusCode() != null && e.getStatusCode() == 404) {
                throw new ProviderRefusedException(UNKNOWN, e.getCode());
            }
            throw new ProviderException("Stripe rejected the retrieve request", e);
        } catch (StripeException e) {
            throw new ProviderException("Stripe did not answer the retrieve request", e);
        }
    }
}
