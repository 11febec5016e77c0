package com.patientpayments.bff.payment;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.Money;
import com.patientpayments.bff.PaymentsException;
import com.patientpayments.bff.emr.ConnectorErrors;
import com.patientpayments.bff.emr.EmrClient;
import com.patientpayments.bff.emr.EmrOpenCharges;
import com.patientpayments.bff.emr.EmrOutcome;
import com.patientpayments.bff.emr.EmrRequests;
import com.patientpayments.bff.observability.Funnel;
import com.patientpayments.bff.session.PatientSession;
import com.patientpayments.contract.AttemptStatus;
import com.patientpayments.contract.PaymentAttempt;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Starting a payment and reading its status, for the signed-in household only. One attempt per idempotency key
 * (recorded in the connector), one PaymentIntent per attempt (the provider's idempotency key is derived from the
 * attempt id): a double submit returns the same session, and starting the same key again after a decline resumes it
 * (the patient confirms the same intent with another card). A payment processing longer than
 * {@link PaymentSettings#providerRecheckAfter()} is re-read from the provider ({@link AttemptSettler}).
 */
@Singleton
public class PaymentService {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final String NOT_FOUND = "We could not find that payment.";
    private static final String UNAVAILABLE = "Payments are temporarily unavailable. Please try again in a moment.";
    /** Settling results that mean "a payment is under way or done" for the two-tabs warning. */
    private static final Set<AttemptSettler.Result> IN_FLIGHT = EnumSet.of(
            AttemptSettler.Result.POSTED,
            AttemptSettler.Result.STILL_PROCESSING,
            AttemptSettler.Result.AUTHENTICATING,
            AttemptSettler.Result.PROVIDER_UNAVAILABLE,
            AttemptSettler.Result.CONNECTOR_UNAVAILABLE,
            AttemptSettler.Result.UNKNOWN_AT_PROVIDER);

    private final EmrClient emr;
    private final PaymentProvider provider;
    private final StripeSettings stripe;
    private final PaymentSettings settings;
    private final PracticeAccounts practices;
    private final AttemptSettler settler;
    private final Funnel funnel;
    private final Map<String, Instant> lastRecheck = new ConcurrentHashMap<>();

    public PaymentService(
            EmrClient emr,
            PaymentProvider provider,
            StripeSettings stripe,
            PaymentSettings settings,
            PracticeAccounts practices,
            AttemptSettler settler,
            Funnel funnel) {
        this.emr = emr;
        this.provider = provider;
        this.stripe = stripe;
        this.settings = settings;
        this.practices = practices;
        this.settler = settler;
        this.funnel = funnel;
    }

    /** The session the browser needs to collect the card for {@code amountCents}. */
    public PaymentSessionView start(PatientSession session, long amountCents, @Nullable String idempotencyKey) {
        String key = idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey.trim();
        if (!KEY.matcher(key).matches()) {
            throw new PaymentsException(
                    ErrorCode.BAD_USER_INPUT, "The payment request is malformed. Please try again.");
        }
        EmrOpenCharges charges = emr.openCharges(session.householdId()).orElseThrow(this::unavailable);
        PaymentAmountPolicy.check(
                amountCents,
                charges.balanceCents(),
                Money.of(stripe.minimumCents(), stripe.currency().toUpperCase(Locale.ROOT)));
        EmrOutcome<PaymentAttempt> created =
                emr.createAttempt(new EmrRequests.NewAttempt(session.householdId(), amountCents, key));
        if (created instanceof EmrOutcome.Conflict<PaymentAttempt>) {
            throw new PaymentsException(
                    ErrorCode.BAD_USER_INPUT,
                    "This payment was already started with another amount. Please start a new payment.");
        }
        PaymentAttempt attempt = created.orElseThrow(this::unavailable);
        String account = practices
                .practice(attempt.practiceId())
                .orElseThrow(this::unavailable)
                .stripeAccountId();
        String clientSecret;
        try {
            if (attempt.providerIntentId() != null) {
                clientSecret = provider.clientSecret(attempt.providerIntentId(), account);
                if (attempt.status() == AttemptStatus.FAILED) {
                    // The same payment again after a decline: it is processing again until the provider says.
                    emr.resumeAttempt(attempt.id()).orElseThrow(this::unavailable);
                }
            } else {
                var intent = provider.createIntent(attempt.id(), amountCents, stripe.currency(), account);
                emr.setIntent(attempt.id(), new EmrRequests.IntentRef(intent.intentId()))
                        .orElseThrow(this::unavailable);
                clientSecret = intent.clientSecret();
                funnel.record(Funnel.Step.PAYMENT_STARTED, session.practiceHash());
            }
        } catch (ProviderException e) {
            throw new PaymentsException(
                    ErrorCode.UPSTREAM_UNAVAILABLE,
                    "We could not reach the card processor. Please try again in a moment.",
                    e);
        }
        return new PaymentSessionView(
                attempt.id(),
                provider.name(),
                clientSecret,
                Money.of(amountCents, currency(attempt)),
                provider.name().equals("STRIPE") ? stripe.publishableKey() : null,
                account);
    }

    /**
     * The status of a payment of this household; another household's payment answers like an unknown one. An attempt
     * processing for longer than {@link PaymentSettings#providerRecheckAfter()} is re-read from the provider (at most
     * once per {@link PaymentSettings#providerRecheckEvery()}) and settled when the provider has a final answer.
     */
    public PaymentView status(PatientSession session, String paymentId) {
        PaymentAttempt attempt = ownAttempt(session, paymentId);
        Instant now = Instant.now();
        if (attempt.status().open()
                && attempt.providerIntentId() != null
                && attempt.updatedAt().plus(settings.providerRecheckAfter()).isBefore(now)
                && dueForRecheck(attempt, now)) {
            attempt = settler.settle(attempt, null, now).attempt();
        }
        return PaymentView.of(attempt);
    }

    /**
     * Payments of this household started within {@link PaymentSettings#recentWindow()} that are under way or
     * succeeded, newest first: posted ones, and open ones the provider is processing (or cannot tell about). One the
     * patient never confirmed (an abandoned card form) is not listed.
     */
    public List<PaymentView> recent(PatientSession session) {
        List<PaymentAttempt> attempts = emr.recentAttempts(
                        session.householdId(),
                        Instant.now().minus(settings.recentWindow()),
                        EnumSet.of(AttemptStatus.PROCESSING, AttemptStatus.SUCCEEDED))
                .orElseThrow(this::unavailable);
        List<PaymentView> out = new ArrayList<>();
        for (PaymentAttempt a : attempts) {
            if (a.status() == AttemptStatus.SUCCEEDED) {
                out.add(PaymentView.of(a));
                continue;
            }
            AttemptSettler.Settled settled = settler.settle(a, null, Instant.now());
            if (IN_FLIGHT.contains(settled.result())) {
                out.add(PaymentView.of(settled.attempt()));
            }
        }
        return out;
    }

    /** The patient confirms the same payment again (demo control): a FAILED attempt is processing again. */
    public void resumeForRetry(PaymentAttempt attempt) {
        if (attempt.status() == AttemptStatus.FAILED) {
            emr.resumeAttempt(attempt.id()).orElseThrow(this::unavailable);
        }
    }

    /** The Stripe connected account of the attempt's practice; null for the platform account. */
    public @Nullable String account(PaymentAttempt attempt) {
        return practices
                .practice(attempt.practiceId())
                .orElseThrow(this::unavailable)
                .stripeAccountId();
    }

    /** The attempt if it belongs to the session's household, else NOT_FOUND. */
    public PaymentAttempt ownAttempt(PatientSession session, String paymentId) {
        EmrOutcome<PaymentAttempt> found = emr.attempt(paymentId);
        if (found.isNotFound() || found instanceof EmrOutcome.Rejected<PaymentAttempt>) {
            throw new PaymentsException(ErrorCode.NOT_FOUND, NOT_FOUND);
        }
        PaymentAttempt attempt = found.orElseThrow(this::unavailable);
        if (!session.householdId().equals(attempt.householdId())) {
            throw new PaymentsException(ErrorCode.NOT_FOUND, NOT_FOUND);
        }
        return attempt;
    }

    private boolean dueForRecheck(PaymentAttempt attempt, Instant now) {
        if (lastRecheck.size() > 10_000) {
            lastRecheck.clear();
        }
        Instant last = lastRecheck.get(attempt.id());
        if (last != null && last.plus(settings.providerRecheckEvery()).isAfter(now)) {
            return false;
        }
        lastRecheck.put(attempt.id(), now);
        return true;
    }

    private PaymentsException unavailable(EmrOutcome<?> outcome) {
        PaymentsException mapped = ConnectorErrors.toApi(outcome, NOT_FOUND);
        return mapped.code() == ErrorCode.UPSTREAM_UNAVAILABLE
                ? new PaymentsException(ErrorCode.UPSTREAM_UNAVAILABLE, UNAVAILABLE)
                : mapped;
    }

    private static String currency(PaymentAttempt a) {
        return a.currency() == null ? "USD" : a.currency().toUpperCase(Locale.ROOT);
    }

    /** GraphQL {@code PaymentSession}. */
    public record PaymentSessionView(
            String paymentId,
            String provider,
            String clientSecret,
            Money amount,
            @Nullable String publishableKey,
            @Nullable String stripeAccount) {}

    /** GraphQL {@code Payment}; {@code status} is {@code PROCESSING}, {@code SUCCEEDED} or {@code FAILED}. */
    public record PaymentView(
            String id,
            String status,
            Money amount,
            @Nullable String txId,
            @Nullable String failureReason,
            @Nullable String failureCode,
            String createdAt) {

        static PaymentView of(PaymentAttempt a) {
            Money amount = Money.of(a.amountCents(), currency(a));
            String created = a.createdAt().toString();
            switch (a.status()) {
                case SUCCEEDED:
                    return new PaymentView(a.id(), "SUCCEEDED", amount, a.transactionId(), null, null, created);
                case FAILED:
                    return new PaymentView(
                            a.id(),
                            "FAILED",
                            amount,
                            null,
                            FailureReasons.patientMessage(a.failureCode() == null ? "" : a.failureCode()),
                            a.failureCode(),
                            created);
                default:
                    return new PaymentView(a.id(), "PROCESSING", amount, null, null, null, created);
            }
        }
    }
}
