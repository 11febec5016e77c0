package com.patientpayments.bff.webhook;

import com.patientpayments.bff.emr.EmrClient;
import com.patientpayments.bff.emr.EmrOutcome;
import com.patientpayments.bff.emr.EmrRequests;
import com.patientpayments.contract.PaymentAttempt;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whose intent an event is about. Every intent we create carries our opaque attempt reference in its metadata
 * ({@code attempt_id}); the connector knows the attempt by intent once the start attached it.
 *
 * <ul>
 *   <li>{@link Kind#KNOWN}: the connector has the attempt (also when the intent was created but not attached yet —
 *   the start failed midway — which is repaired here by attaching it);</li>
 *   <li>{@link Kind#NOT_OURS}: no attempt reference: another integration's intent on the same account;</li>
 *   <li>{@link Kind#OURS_UNKNOWN}: our reference, but the connector has no such attempt (or one with another
 *   intent): money may have moved that the ledger cannot place — an operator must look;</li>
 *   <li>{@link Kind#UNAVAILABLE}: the connector did not answer; try again later.</li>
 * </ul>
 */
@Singleton
public class IntentOwnership {

    private static final Logger LOG = LoggerFactory.getLogger(IntentOwnership.class);

    private final EmrClient emr;

    public IntentOwnership(EmrClient emr) {
        this.emr = emr;
    }

    /** What is known about an intent's owner. */
    public enum Kind {
        KNOWN,
        NOT_OURS,
        OURS_UNKNOWN,
        UNAVAILABLE
    }

    /** The owner; {@code attempt} is set when {@link Kind#KNOWN}. */
    public record Owner(Kind kind, @Nullable PaymentAttempt attempt) {
        /** The attempt when {@link Kind#KNOWN}; empty for every other kind. */
        public Optional<PaymentAttempt> known() {
            return kind == Kind.KNOWN ? Optional.ofNullable(attempt) : Optional.empty();
        }
    }

    /**
     * @param intentId  the PaymentIntent id
     * @param attemptId our reference from the intent's metadata, or null when it has none
     */
    public Owner resolve(String intentId, @Nullable String attemptId) {
        EmrOutcome<PaymentAttempt> byIntent = emr.attemptByIntent(intentId);
        if (byIntent instanceof EmrOutcome.Found<PaymentAttempt> f) {
            return new Owner(Kind.KNOWN, f.value());
        }
        if (!byIntent.isNotFound()) {
            return new Owner(Kind.UNAVAILABLE, null);
        }
        if (attemptId == null || attemptId.isBlank()) {
            return new Owner(Kind.NOT_OURS, null);
        }
        EmrOutcome<PaymentAttempt> byId = emr.attempt(attemptId);
        if (byId instanceof EmrOutcome.Found<PaymentAttempt> f) {
            if (f.value().providerIntentId() == null) {
                EmrOutcome<PaymentAttempt> repaired = emr.setIntent(attemptId, new EmrRequests.IntentRef(intentId));
                if (repaired instanceof EmrOutcome.Found<PaymentAttempt> r) {
                    LOG.info("Attached intent to attempt {} from its webhook", attemptId);
                    return new Owner(Kind.KNOWN, r.value());
                }
                return new Owner(
                        repaired instanceof EmrOutcome.Unavailable<PaymentAttempt>
                                ? Kind.UNAVAILABLE
                                : Kind.OURS_UNKNOWN,
                        null);
            }
            return new Owner(intentId.equals(f.value().providerIntentId()) ? Kind.KNOWN : Kind.OURS_UNKNOWN, f.value());
        }
        return new Owner(
                byId instanceof EmrOutcome.Unavailable<PaymentAttempt> ? Kind.UNAVAILABLE : Kind.OURS_UNKNOWN, null);
    }
}
