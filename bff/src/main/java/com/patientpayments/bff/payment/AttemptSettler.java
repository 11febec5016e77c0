package com.patientpayments.bff.payment;

import com.patientpayments.bff.emr.EmrClient;
import com.patientpayments.bff.emr.EmrOutcome;
import com.patientpayments.bff.emr.EmrPractice;
import com.patientpayments.contract.PaymentAttempt;
import com.patientpayments.contract.Transaction;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Settles an open attempt (CREATED/PROCESSING) from the provider's own record, for when its final webhook is late or
 * lost: a succeeded intent is posted, a declined or canceled one is recorded as failed, one the patient walked away
 * from (never confirmed, older than {@code abandonAfter}) is failed as {@code abandoned}; anything else is left with
 * its reason. Used by {@code payment(id)}, {@code Household.recentPayments} and the {@link AttemptJanitor}.
 */
@Singleton
public class AttemptSettler {

    /** What settling found; {@link #changed()} when the ledger now has a final state. */
    public enum Result {
        POSTED,
        FAILED,
        ABANDONED,
        /** The provider is still working on it ({@code processing}). */
        STILL_PROCESSING,
        /** Waiting for the patient to confirm (the card form is open, or was left). */
        AWAITING_CUSTOMER,
        /** The patient is in a 3-D Secure step ({@code requires_action}). */
        AUTHENTICATING,
        /** No provider intent was ever attached (the start failed midway). */
        NO_INTENT,
        /** The provider does not know the intent: an operator must look. */
        UNKNOWN_AT_PROVIDER,
        PROVIDER_UNAVAILABLE,
        CONNECTOR_UNAVAILABLE,
        /** Already final. */
        FINAL;

        public boolean changed() {
            return this == POSTED || this == FAILED || this == ABANDONED;
        }
    }

    /** The attempt after settling (re-read when it changed) and what happened. */
    public record Settled(PaymentAttempt attempt, Result result) {}

    private static final Set<String> AWAITING =
            Set.of("requires_payment_method", "requires_confirmation", "requires_action");

    private final EmrClient emr;
    private final PaymentProvider provider;
    private final PaymentPosting posting;
    private final PracticeAccounts practices;

    public AttemptSettler(EmrClient emr, PaymentProvider provider, PaymentPosting posting, PracticeAccounts practices) {
        this.emr = emr;
        this.provider = provider;
        this.posting = posting;
        this.practices = practices;
    }

    /**
     * @param abandonAfter an attempt the patient never confirmed, unchanged for longer than this, is failed as
     *                     {@code abandoned}; null: never (a patient may still be on the card form)
     * @param now          the time the janitor runs at (its age checks use it)
     */
    public Settled settle(PaymentAttempt attempt, @Nullable Duration abandonAfter, Instant now) {
        if (!attempt.status().open()) {
            return new Settled(attempt, Result.FINAL);
        }
        boolean stale =
                abandonAfter != null && attempt.updatedAt().plus(abandonAfter).isBefore(now);
        if (attempt.providerIntentId() == null) {
            return stale ? fail(attempt, "abandoned", Result.ABANDONED) : new Settled(attempt, Result.NO_INTENT);
        }
        EmrOutcome<EmrPractice> practice = practices.practice(attempt.practiceId());
        if (!(practice instanceof EmrOutcome.Found<EmrPractice> found)) {
            return new Settled(attempt, Result.CONNECTOR_UNAVAILABLE);
        }
        Optional<IntentSnapshot> intent;
        try {
            intent = provider.retrieve(attempt.providerIntentId(), found.value().stripeAccountId());
        } catch (ProviderException e) {
            return new Settled(attempt, Result.PROVIDER_UNAVAILABLE);
        }
        if (intent.isEmpty()) {
            return new Settled(attempt, Result.UNKNOWN_AT_PROVIDER);
        }
        IntentSnapshot i = intent.get();
        if (i.succeeded()) {
            EmrOutcome<Transaction> post = posting.post(i, null, null, null);
            return post instanceof EmrOutcome.Found<Transaction>
                    ? reread(attempt, Result.POSTED)
                    : new Settled(attempt, Result.CONNECTOR_UNAVAILABLE);
        }
        if (i.failed()) {
            return fail(
                    attempt,
                    "canceled".equals(i.status())
                            ? "canceled"
                            : i.failureCode() == null ? "payment_failed" : i.failureCode(),
                    Result.FAILED);
        }
        if (stale && AWAITING.contains(i.status())) {
            return fail(attempt, "abandoned", Result.ABANDONED);
        }
        return new Settled(
                attempt,
                "processing".equals(i.status())
                        ? Result.STILL_PROCESSING
                        : "requires_action".equals(i.status()) ? Result.AUTHENTICATING : Result.AWAITING_CUSTOMER);
    }

    private Settled fail(PaymentAttempt attempt, String code, Result result) {
        EmrOutcome<PaymentAttempt> failed = posting.fail(attempt.id(), code, null);
        return failed instanceof EmrOutcome.Found<PaymentAttempt> f
                ? new Settled(f.value(), result)
                : new Settled(attempt, Result.CONNECTOR_UNAVAILABLE);
    }

    private Settled reread(PaymentAttempt attempt, Result result) {
        return new Settled(emr.attempt(attempt.id()).optional().orElse(attempt), result);
    }
}
