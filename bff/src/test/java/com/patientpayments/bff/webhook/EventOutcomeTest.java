package com.patientpayments.bff.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.contract.AttemptStatus;
import com.patientpayments.contract.PaymentAttempt;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the consumer does with a message: which outcomes delete it (settled) and which bring it back; how the results
 * of several refunds in one event combine; and what an event about an intent the ledger cannot place becomes.
 */
class EventOutcomeTest {

    @ParameterizedTest
    @CsvSource({"DONE,true", "IGNORED,true", "PARKED,true", "RETRY,false", "DEAD_LETTER,false"})
    void onlyDoneIgnoredAndParkedMessagesAreDeleted(ProcessingOutcome outcome, boolean settled) {
        assertThat(outcome.settled()).isEqualTo(settled);
    }

    @Test
    void theWorstResultOfSeveralRefundsDecidesTheMessage() {
        EventResult done = EventResult.done();
        EventResult retry = EventResult.retry("connector_unavailable");
        EventResult dead = EventResult.deadLetter("unknown_intent");
        assertThat(done.worst(retry)).isEqualTo(retry);
        assertThat(retry.worst(done)).isEqualTo(retry);
        assertThat(retry.worst(dead)).isEqualTo(dead);
        assertThat(dead.worst(EventResult.parked())).isEqualTo(dead);
        assertThat(EventResult.ignored("no_refund").worst(EventResult.parked()).reason())
                .isEqualTo("payment_not_posted");
    }

    @Test
    void ofEquallyBadResultsTheFirstOneAndItsReasonAreKept() {
        EventResult first = EventResult.retry("connector_unavailable_timeout");
        EventResult second = EventResult.retry("provider_unavailable");
        assertThat(first.worst(second)).isSameAs(first);
        assertThat(second.worst(first)).isSameAs(second);
        assertThat(EventResult.done().worst(EventResult.done())).isEqualTo(EventResult.done());
    }

    @ParameterizedTest
    @CsvSource({
        "NOT_OURS,IGNORED,not_our_intent",
        "OURS_UNKNOWN,DEAD_LETTER,unknown_intent",
        "UNAVAILABLE,RETRY,connector_unavailable"
    })
    void anIntentTheLedgerCannotPlaceIsIgnoredDeadLetteredOrRetried(
            IntentOwnership.Kind kind, ProcessingOutcome outcome, String reason) {
        IntentOwnership.Owner owner = new IntentOwnership.Owner(kind, null);
        assertThat(EventMapping.unknown(owner.kind())).contains(new EventResult(outcome, reason));
        assertThat(owner.known()).isEmpty();
    }

    @Test
    void aKnownAttemptIsPostedAndAnAttemptWithAnotherIntentIsNot() {
        PaymentAttempt attempt = new PaymentAttempt(
                "att_1",
                "pr_1",
                "hh_1",
                2500,
                "usd",
                "key_1",
                "pi_1",
                AttemptStatus.PROCESSING,
                null,
                null,
                null,
                Instant.EPOCH,
                Instant.EPOCH);
        IntentOwnership.Owner known = new IntentOwnership.Owner(IntentOwnership.Kind.KNOWN, attempt);
        assertThat(EventMapping.unknown(known.kind())).isEmpty();
        assertThat(known.known()).contains(attempt);
        IntentOwnership.Owner other = new IntentOwnership.Owner(IntentOwnership.Kind.OURS_UNKNOWN, attempt);
        assertThat(other.known()).isEqualTo(Optional.empty());
    }
}
