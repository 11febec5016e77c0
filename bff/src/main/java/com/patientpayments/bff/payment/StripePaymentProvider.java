package com.patientpayments.bff.payment;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.ChargeRetrieveParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentListParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stripe through stripe-java's {@link StripeClient}: Stripe itself ({@code STRIPE}) or the demo's local Stripe
 * stand-in ({@code SIMULATED}, with {@link TestModeControls}), as {@link StripeEndpoint} resolved. Direct charges on
 * the practice's connected account ({@code Stripe-Account}) when it has one. The description is generic and the
 * metadata holds only the attempt id: no PHI reaches Stripe.
 */
public class StripePaymentProvider implements PaymentProvider {

    /** The only description Stripe ever sees. */
    public static final String DESCRIPTION = "Patient payment";

    private final StripeClient client;
    private final @Nullable TestModeControls testMode;

    /**
     * @param endpoint the key and API base; a stand-in endpoint makes this the {@code SIMULATED} provider
     * @param timeout  connect and read timeout of every call
     */
    public StripePaymentProvider(StripeEndpoint endpoint, Duration timeout) {
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(endpoint.secretKey())
                .setMaxNetworkRetries(2)
                .setConnectTimeout((int) timeout.toMillis())
                .setReadTimeout((int) timeout.toMillis());
        if (endpoint.apiBase() != null) {
            builder.setApiBase(endpoint.apiBase());
        }
        this.client = builder.build();
        this.testMode = endpoint.standIn() ? new TestModeControls(client, this) : null;
    }

    /** {@code SIMULATED} against the demo's stand-in, else {@code STRIPE}. */
    @Override
    public String name() {
        return testMode != null ? "SIMULATED" : "STRIPE";
    }

    @Override
    public Optional<TestModeControls> testModeControls() {
        return Optional.ofNullable(testMode);
    }

    @Override
    public CreatedIntent createIntent(String attemptId, long amountCents, String currency, @Nullable String account) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(amountCents)
                .setCurrency(currency)
                .setDescription(DESCRIPTION)
                .putMetadata("attempt_id", attemptId)
                .setAutomaticPaymentMethods(automaticPaymentMethods())
                .build();
        // Stripe returns the first intent for a repeated key (24 h), so a retried start never makes a second one.
        RequestOptions options = options(account)
                .toBuilderFullCopy()
                .setIdempotencyKey("attempt-" + attemptId)
                .build();
        try {
            PaymentIntent intent = client.v1().paymentIntents().create(params, options);
            return new CreatedIntent(intent.getId(), intent.getClientSecret());
        } catch (StripeException e) {
            throw new ProviderException("Stripe rejected or did not answer the create request", e);
        }
    }

    /**
     * Card and wallet methods from the Dashboard; in {@code SIMULATED} mode no redirecting ones, since the demo
     * controls confirm on the server without a return URL (as Stripe requires then).
     */
    private PaymentIntentCreateParams.AutomaticPaymentMethods automaticPaymentMethods() {
        PaymentIntentCreateParams.AutomaticPaymentMethods.Builder methods =
                PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true);
        if (testMode != null) {
            methods.setAllowRedirects(PaymentIntentCreateParams.AutomaticPaymentMethods.AllowRedirects.NEVER);
        }
        return methods.build();
    }

    @Override
    public Optional<IntentSnapshot> retrieve(String intentId, @Nullable String account) {
        try {
            return Optional.of(IntentSnapshot.of(retrieveWithCharge(client, intentId, account)));
        } catch (InvalidRequestException e) {
            if (e.getStatusCode() != null && e.getStatusCode() == 404) {
                return Optional.empty();
            }
            throw new ProviderException("Stripe rejected the retrieve request", e);
        } catch (StripeException e) {
            throw new ProviderException("Stripe did not answer the retrieve request", e);
        }
    }

    @Override
    public String clientSecret(String intentId, @Nullable String account) {
        try {
            return client.v1()
                    .paymentIntents()
                    .retrieve(intentId, (PaymentIntentRetrieveParams) null, options(account))
                    .getClientSecret();
        } catch (InvalidRequestException e) {
            if (testMode != null && e.getStatusCode() != null && e.getStatusCode() == 404) {
                // The demo's stand-in keeps intents in memory: a restart forgets them. Against Stripe itself a 404
                // means a wrong account or key (a configuration fault), not an expired payment: ProviderException.
                throw new PaymentsException(ErrorCode.NOT_FOUND, "This payment has expired. Please start a new one.");
            }
            throw new ProviderException("Stripe rejected the retrieve request", e);
        } catch (StripeException e) {
            throw new ProviderException("Stripe did not answer the retrieve request", e);
        }
    }

    @Override
    public List<IntentSnapshot> listSucceeded(Instant from, Instant to, @Nullable String account) {
        PaymentIntentListParams params = PaymentIntentListParams.builder()
                .setCreated(PaymentIntentListParams.Created.builder()
                        .setGte(from.getEpochSecond())
                        // Stripe's created is whole seconds: an intent of to's own second, created before to, has
                        // created == to's second, so the bound is the next second (reconcile's window ends now).
                        .setLt(to.getEpochSecond() + (to.getNano() > 0 ? 1 : 0))
                        .build())
                .addExpand("data.latest_charge")
                .setLimit(100L)
                .build();
        List<IntentSnapshot> succeeded = new ArrayList<>();
        try {
            for (PaymentIntent intent : client.v1()
                    .paymentIntents()
                    .list(params, options(account))
                    .autoPagingIterable(null, options(account))) {
                if ("succeeded".equals(intent.getStatus())) {
                    succeeded.add(IntentSnapshot.of(intent));
                }
            }
            return succeeded;
        } catch (StripeException | RuntimeException e) {
            throw new ProviderException("Stripe did not answer the list request", e);
        }
    }

    @Override
    public List<RefundSnapshot> refundsOfCharge(String chargeId, @Nullable String account) {
        try {
            List<RefundSnapshot> refunds = new ArrayList<>();
            for (Refund refund : client.v1()
                    .refunds()
                    .list(
                            RefundListParams.builder()
                                    .setCharge(chargeId)
                                    .setLimit(100L)
                                    .build(),
                            options(account))
                    .autoPagingIterable(null, options(account))) {
                refunds.add(snapshot(refund));
            }
            return refunds;
        } catch (StripeException | RuntimeException e) {
            throw new ProviderException("Stripe did not answer the refund list request", e);
        }
    }

    @Override
    public Optional<String> intentOfCharge(String chargeId, @Nullable String account) {
        try {
            return Optional.ofNullable(client.v1()
                    .charges()
                    .retrieve(chargeId, (ChargeRetrieveParams) null, options(account))
                    .getPaymentIntent());
        } catch (InvalidRequestException e) {
            if (e.getStatusCode() != null && e.getStatusCode() == 404) {
                return Optional.empty();
            }
            throw new ProviderException("Stripe rejected the charge retrieve request", e);
        } catch (StripeException e) {
            throw new ProviderException("Stripe did not answer the charge retrieve request", e);
        }
    }

    @Override
    public RefundSnapshot refund(
            String intentId,
            long amountCents,
            String idempotencyKey,
            @Nullable String reason,
            @Nullable String account) {
        RefundCreateParams.Builder params =
                RefundCreateParams.builder().setPaymentIntent(intentId).setAmount(amountCents);
        if (reason != null) {
            try {
                params.setReason(RefundCreateParams.Reason.valueOf(reason.toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ProviderRefusedException(
                        "The refund reason must be duplicate, fraudulent or" + " requested_by_customer.");
            }
        }
        // Stripe returns the first refund for a repeated key (24 h): a retried refund never refunds twice.
        RequestOptions options = options(account)
                .toBuilderFullCopy()
                .setIdempotencyKey("refund-" + idempotencyKey)
                .build();
        try {
            return snapshot(client.v1().refunds().create(params.build(), options));
        } catch (InvalidRequestException e) {
            // Stripe answered and refused (more than is refundable, a disputed charge): say so, without its text.
            throw new ProviderRefusedException(
                    "Stripe refused the refund (" + (e.getCode() == null ? "invalid_request" : e.getCode()) + ").",
                    e.getCode());
        } catch (StripeException e) {
            throw new ProviderException("Stripe did not answer the refund request", e);
        }
    }

    /**
     * The intent {@code intentId} (on the connected {@code account}, or the platform when null) with its latest charge
     * expanded, as {@link #retrieve} and the demo controls read it.
     *
     * @throws StripeException as stripe-java throws it (an unknown intent is an {@code InvalidRequestException}, 404)
     */
    static PaymentIntent retrieveWithCharge(StripeClient client, String intentId, @Nullable String account)
            throws StripeException {
        return client.v1()
                .paymentIntents()
                .retrieve(
                        intentId,
                        PaymentIntentRetrieveParams.builder()
                                .addExpand("latest_charge")
                                .build(),
                        options(account));
    }

    /**
     * A stripe-java refund as payments see it: a missing amount is 0 (not reported), a missing status
     * {@code succeeded}, a missing creation time null. Shared by the refund call and the webhook's event mapping.
     */
    public static RefundSnapshot snapshot(Refund refund) {
        return new RefundSnapshot(
                refund.getId(),
                refund.getAmount() == null ? 0 : refund.getAmount(),
                refund.getStatus() == null ? "succeeded" : refund.getStatus(),
                refund.getCreated() == null ? null : Instant.ofEpochSecond(refund.getCreated()),
                refund.getPaymentIntent());
    }

    static RequestOptions options(@Nullable String account) {
        RequestOptions.RequestOptionsBuilder builder = RequestOptions.builder();
        if (account != null) {
            builder.setStripeAccount(account);
        }
        return builder.build();
    }
}
