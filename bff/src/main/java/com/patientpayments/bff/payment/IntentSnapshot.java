package com.patientpayments.bff.payment;

import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.StripeError;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Locale;

/**
 * What payments need to know about a PaymentIntent, read from a stripe-java object (an API answer or an event's
 * {@code data.object}).
 *
 * @param status       Stripe's intent status ({@code succeeded}, {@code processing}, {@code requires_payment_method}, …)
 * @param amountCents  the amount received when succeeded, else the amount
 * @param currency     upper-case ISO code
 * @param brand        card brand, upper-case ({@code VISA}), when known
 * @param last4        last four card digits, when known
 * @param created      when the intent was created
 * @param paidAt       when the charge was made, when known
 * @param attemptId    our opaque reference in the intent's metadata ({@code attempt_id}); null on an intent that is
 *                     not ours (or an event copy without metadata)
 */
public record IntentSnapshot(
        String id,
        String status,
        long amountCents,
        String currency,
        @Nullable String brand,
        @Nullable String last4,
        Instant created,
        @Nullable Instant paidAt,
        @Nullable String failureCode,
        @Nullable String failureMessage,
        @Nullable String attemptId) {

    /** Metadata key of our opaque attempt reference on every intent we create. */
    public static final String ATTEMPT_ID = "attempt_id";

    public boolean succeeded() {
        return "succeeded".equals(status);
    }

    /**
     * Whether the intent failed for good or for this try: canceled, or back to {@code requires_payment_method} with a
     * payment error (a decline). Without an error, {@code requires_payment_method} just means "not confirmed yet".
     */
    public boolean failed() {
        return "canceled".equals(status) || ("requires_payment_method".equals(status) && failureCode != null);
    }

    /** The same intent with the fresher details of {@code other} filled in where this one lacks them. */
    public IntentSnapshot withDetailsFrom(IntentSnapshot other) {
        return new IntentSnapshot(
                id,
                status,
                amountCents,
                currency,
                brand != null ? brand : other.brand(),
                last4 != null ? last4 : other.last4(),
                created,
                paidAt != null ? paidAt : other.paidAt(),
                failureCode,
                failureMessage,
                attemptId != null ? attemptId : other.attemptId());
    }

    public static IntentSnapshot of(PaymentIntent intent) {
        String brand = null;
        String last4 = null;
        Instant paidAt = null;
        Charge charge = intent.getLatestChargeObject();
        if (charge != null) {
            paidAt = charge.getCreated() == null ? null : Instant.ofEpochSecond(charge.getCreated());
            if (charge.getPaymentMethodDetails() != null
                    && charge.getPaymentMethodDetails().getCard() != null) {
                brand = charge.getPaymentMethodDetails().getCard().getBrand();
                last4 = charge.getPaymentMethodDetails().getCard().getLast4();
            }
        }
        PaymentMethod method = intent.getPaymentMethodObject();
        if (brand == null && method != null && method.getCard() != null) {
            brand = method.getCard().getBrand();
            last4 = method.getCard().getLast4();
        }
        long amount = intent.getAmountReceived() != null && intent.getAmountReceived() > 0
                ? intent.getAmountReceived()
                : intent.getAmount() == null ? 0 : intent.getAmount();
        StripeError error = intent.getLastPaymentError();
        String failureCode = null;
        String failureMessage = null;
        if (error != null) {
            failureCode = error.getDeclineCode() != null ? error.getDeclineCode() : error.getCode();
            failureMessage = error.getMessage();
        }
        return new IntentSnapshot(
                intent.getId(),
                intent.getStatus(),
                amount,
                intent.getCurrency() == null ? "USD" : intent.getCurrency().toUpperCase(Locale.ROOT),
                brand == null ? null : brand.toUpperCase(Locale.ROOT),
                last4,
                intent.getCreated() == null ? Instant.now() : Instant.ofEpochSecond(intent.getCreated()),
                paidAt,
                failureCode,
                failureMessage,
                intent.getMetadata() == null ? null : intent.getMetadata().get(ATTEMPT_ID));
    }
}
