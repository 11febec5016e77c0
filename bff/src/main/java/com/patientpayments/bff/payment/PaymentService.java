package com.patientpayments.bff.payment;

import com.patientpayments.bff.graphql.ApiException;
import com.patientpayments.bff.graphql.ErrorCode;
import com.patientpayments.bff.household.Money;
import com.patientpayments.bff.observability.Funnel;
import com.patientpayments.bff.payment.LedgerDtos.IntentRef;
import com.patientpayments.bff.payment.LedgerDtos.NewAttempt;
import com.patientpayments.bff.payment.LedgerDtos.OpenCharges;
import com.patientpayments.bff.payment.LedgerDtos.PaymentAttempt;
import com.patientpayments.bff.session.PatientSession;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Starting a payment and reading its status, for the signed-in household only. One attempt per idempotency key
 * (recorded in the connector), one PaymentIntent per attempt (the provider's idempotency key is derived from the
 * attempt id): a double submit returns the same session.
 */
@Singleton
public class PaymentService {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private final LedgerClient ledger;
    private final PaymentProvider provider;
    private final StripeProperties stripe;
    private final Funnel funnel;

    public PaymentService(LedgerClient ledger, PaymentProvider provider, StripeProperties stripe, Funnel funnel) {
        this.ledger = ledger;
        this.provider = provider;
        this.stripe = stripe;
        this.funnel = funnel;
    }

    /** The session the browser needs to collect the card for {@code amountCents}. */
    public PaymentSessionView start(PatientSession session, long amountCents, @Nullable String idempotencyKey) {
        String key = idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey.trim();
        if (!KEY.matcher(key).matches()) {
            throw new ApiException(ErrorCode.BAD_USER_INPUT, "The payment request is malformed. Please try again.");
        }
        OpenCharges charges = upstream(() -> ledger.openCharges(session.householdId()));
        PaymentAmountPolicy.check(amountCents, charges.balanceCents(), stripe.minimumCents());
        PaymentAttempt attempt;
        try {
            attempt = upstream(() -> ledger.createAttempt(new NewAttempt(session.householdId(), amountCents, key)));
        } catch (ApiException e) {
            if (e.getCause() instanceof HttpClientResponseException r && r.getStatus() == HttpStatus.CONFLICT) {
                throw new ApiException(ErrorCode.BAD_USER_INPUT,
                        "This payment was already started with another amount. Please start a new payment.");
            }
            throw e;
        }
        String account = upstream(() -> ledger.practice(attempt.practiceId())).stripeAccountId();
        String clientSecret;
        try {
            if (attempt.providerIntentId() != null) {
                clientSecret = provider.clientSecret(attempt.providerIntentId(), account);
            } else {
                var created = provider.createIntent(attempt.id(), amountCents, stripe.currency(), account);
                upstream(() -> ledger.setIntent(attempt.id(), new IntentRef(created.intentId())));
                clientSecret = created.clientSecret();
                funnel.record(Funnel.Step.PAYMENT_STARTED, session.practiceHash());
            }
        } catch (ProviderException e) {
            throw new ApiException(ErrorCode.UPSTREAM_UNAVAILABLE,
                    "We could not reach the card processor. Please try again in a moment.", e);
        }
        return new PaymentSessionView(attempt.id(), provider.name(), clientSecret,
                Money.of(amountCents, attempt.currency() == null ? "USD" : attempt.currency().toUpperCase(Locale.ROOT)),
                provider.name().equals("STRIPE") ? stripe.publishableKey() : null, account);
    }

    /** The status of a payment of this household; another household's payment answers like an unknown one. */
    public PaymentView status(PatientSession session, String paymentId) {
        PaymentAttempt attempt = ownAttempt(session, paymentId);
        return PaymentView.of(attempt);
    }

    /** The attempt if it belongs to the session's household, else NOT_FOUND. */
    public PaymentAttempt ownAttempt(PatientSession session, String paymentId) {
        PaymentAttempt attempt;
        try {
            attempt = ledger.attempt(paymentId);
        } catch (HttpClientResponseException e) {
            if (e.getStatus().getCode() < 500) {
                throw notFound();
            }
            throw unavailable(e);
        } catch (HttpClientException e) {
            throw unavailable(e);
        }
        if (attempt == null || !session.householdId().equals(attempt.householdId())) {
            throw notFound();
        }
        return attempt;
    }

    private static ApiException notFound() {
        return new ApiException(ErrorCode.NOT_FOUND, "We could not find that payment.");
    }

    private static ApiException unavailable(Exception cause) {
        return new ApiException(ErrorCode.UPSTREAM_UNAVAILABLE,
                "Payments are temporarily unavailable. Please try again in a moment.", cause);
    }

    private static <T> T upstream(Supplier<T> call) {
        try {
            return call.get();
        } catch (HttpClientException e) {
            throw unavailable(e);
        }
    }

    /** GraphQL {@code PaymentSession}. */
    public record PaymentSessionView(String paymentId, String provider, String clientSecret, Money amount,
                                     @Nullable String publishableKey, @Nullable String stripeAccount) {
    }

    /** GraphQL {@code Payment}. */
    public record PaymentView(String id, String status, Money amount, @Nullable String txId,
                              @Nullable String failureReason, @Nullable String failureCode) {

        static PaymentView of(PaymentAttempt a) {
            Money amount = Money.of(a.amountCents(), a.currency() == null ? "USD" : a.currency().toUpperCase(Locale.ROOT));
            return switch (a.status()) {
                case "SUCCEEDED" -> new PaymentView(a.id(), "SUCCEEDED", amount, a.transactionId(), null, null);
                case "FAILED" -> new PaymentView(a.id(), "FAILED", amount, null,
                        FailureReasons.patientMessage(a.failureCode() == null ? "" : a.failureCode()), a.failureCode());
                default -> new PaymentView(a.id(), "PROCESSING", amount, null, null, null);
            };
        }
    }
}
