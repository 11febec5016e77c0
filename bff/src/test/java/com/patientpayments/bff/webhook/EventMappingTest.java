package com.patientpayments.bff.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.emr.DisputeStatus;
import com.patientpayments.bff.emr.EmrOutcome;
import com.patientpayments.bff.emr.EmrProblem;
import com.patientpayments.bff.payment.IntentSnapshot;
import com.patientpayments.bff.payment.PaymentProvider.RefundSnapshot;
import com.patientpayments.contract.ErrorCode;
import com.stripe.model.Refund;
import com.stripe.net.ApiResource;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The provider-event → ledger mapping ({@link EventMapping}) on its own: which handler a type reaches, what an intent
 * event asks of the ledger in every order of events and re-reads, which failure code is recorded, what the
 * connector's answers mean for the message, and which refunds and disputes are reported at all.
 */
class EventMappingTest {

    private static final List<String> INTENT_TYPES =
            List.of("payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.canceled");
    private static final List<String> STATUSES = List.of(
            "succeeded",
            "processing",
            "requires_payment_method",
            "requires_confirmation",
            "requires_action",
            "requires_capture",
            "canceled");

    private static IntentSnapshot intent(String status, String failureCode, String attemptId) {
        return new IntentSnapshot(
                "pi_1",
                status,
                2500,
                "USD",
                null,
                null,
                Instant.ofEpochSecond(1_700_000_000),
                null,
                failureCode,
                failureCode == null ? null : "declined",
                attemptId);
    }

    @ParameterizedTest
    @CsvSource({
        "payment_intent.succeeded,INTENT",
        "payment_intent.payment_failed,INTENT",
        "payment_intent.canceled,INTENT",
        "charge.refunded,CHARGE_REFUNDED",
        "refund.created,REFUND",
        "refund.updated,REFUND",
        "refund.failed,REFUND",
        "charge.refund.updated,REFUND",
        "charge.dispute.created,DISPUTE",
        "charge.dispute.updated,DISPUTE",
        "charge.dispute.closed,DISPUTE",
        "charge.dispute.funds_withdrawn,DISPUTE",
        "charge.dispute.funds_reinstated,DISPUTE",
        // irrelevant or unknown types: acknowledged, never a ledger change
        "payment_intent.created,UNHANDLED",
        "payment_intent.processing,UNHANDLED",
        "charge.succeeded,UNHANDLED",
        "customer.created,UNHANDLED",
        "PAYMENT_INTENT.SUCCEEDED,UNHANDLED",
        "' payment_intent.succeeded',UNHANDLED",
        "charge.dispute,UNHANDLED",
        "refund,UNHANDLED"
    })
    void everyTypeReachesItsHandlerAndNoOtherDoes(String type, EventMapping.Route route) {
        assertThat(EventMapping.route(type)).isEqualTo(route);
        // A handled type is its own metric label; anything else is folded into "other" (labels stay bounded).
        assertThat(EventMapping.metricType(type)).isEqualTo(route == EventMapping.Route.UNHANDLED ? "other" : type);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void anEventWithoutATypeIsUnhandledAndCountedAsOther(String type) {
        assertThat(EventMapping.route(type)).isEqualTo(EventMapping.Route.UNHANDLED);
        assertThat(EventMapping.metricType(type)).isEqualTo("other");
    }

    @ParameterizedTest
    @CsvSource({
        // type, current status, current failure code, current is a re-read, action
        // a success, whatever the event says
        "payment_intent.succeeded,succeeded,,true,POST",
        "payment_intent.payment_failed,succeeded,,true,POST",
        "payment_intent.canceled,succeeded,,true,POST",
        // a signed succeeded event while the re-read lags (or is unavailable)
        "payment_intent.succeeded,processing,,true,POST",
        "payment_intent.succeeded,requires_payment_method,card_declined,true,POST",
        "payment_intent.succeeded,succeeded,,false,POST",
        // a failure the re-read confirms
        "payment_intent.payment_failed,requires_payment_method,card_declined,true,FAIL",
        "payment_intent.canceled,canceled,,true,FAIL",
        "payment_intent.payment_failed,canceled,,true,FAIL",
        // the patient retried: the intent is processing again, its own event follows
        "payment_intent.payment_failed,processing,,true,IGNORE_SUPERSEDED",
        "payment_intent.payment_failed,requires_payment_method,,true,IGNORE_SUPERSEDED",
        "payment_intent.canceled,requires_action,,true,IGNORE_SUPERSEDED",
        "payment_intent.canceled,requires_confirmation,,true,IGNORE_SUPERSEDED",
        // no re-read (provider unreachable): the signed failure event stands
        "payment_intent.payment_failed,requires_payment_method,card_declined,false,FAIL",
        "payment_intent.payment_failed,requires_payment_method,,false,FAIL",
        "payment_intent.canceled,canceled,,false,FAIL",
        "payment_intent.canceled,processing,,false,FAIL"
    })
    void anIntentEventIsPostedFailedOrLeftToTheRetrysOwnEvent(
            String type, String status, String failureCode, boolean reread, EventMapping.IntentAction action) {
        assertThat(EventMapping.intentAction(type, intent(status, failureCode, "att_1"), reread))
                .isEqualTo(action);
    }

    /**
     * Property over every combination of intent event type, current status, decline code and re-read: a success is
     * never recorded as a failure, a re-read that shows the intent alive again is never failed, and a failure is only
     * ever recorded from a failure event.
     */
    @Test
    void noOrderOfEventsRecordsAFailureForAPaymentThatSucceededOrIsAliveAgain() {
        int cases = 0;
        for (String type : INTENT_TYPES) {
            for (String status : STATUSES) {
                for (String code : new String[] {null, "card_declined"}) {
                    for (boolean reread : new boolean[] {true, false}) {
                        IntentSnapshot current = intent(status, code, "att_1");
                        EventMapping.IntentAction action = EventMapping.intentAction(type, current, reread);
                        String story = type + " / " + status + " / " + code + " / reread=" + reread;
                        if (current.succeeded() || type.equals("payment_intent.succeeded")) {
                            assertThat(action).as(story).isEqualTo(EventMapping.IntentAction.POST);
                        } else if (reread && !current.failed()) {
                            assertThat(action).as(story).isEqualTo(EventMapping.IntentAction.IGNORE_SUPERSEDED);
                        } else {
                            assertThat(action).as(story).isEqualTo(EventMapping.IntentAction.FAIL);
                        }
                        cases++;
                    }
                }
            }
        }
        assertThat(cases).isEqualTo(3 * 7 * 2 * 2);
    }

    @Test
    void onlyIgnoredActionsCarryAReason() {
        assertThat(EventMapping.IntentAction.IGNORE_SUPERSEDED.reason()).isEqualTo("superseded");
        assertThat(EventMapping.IntentAction.POST.reason()).isEmpty();
        assertThat(EventMapping.IntentAction.FAIL.reason()).isEmpty();
    }

    @Test
    void aSucceededReReadIsPostedWithTheEventsCardDetailsWhereItLacksThem() {
        IntentSnapshot reread = intent("succeeded", null, null);
        IntentSnapshot fromEvent = new IntentSnapshot(
                "pi_1",
                "succeeded",
                1999,
                "USD",
                "VISA",
                "4242",
                Instant.ofEpochSecond(1_700_000_000),
                Instant.ofEpochSecond(1_700_000_100),
                null,
                null,
                "att_9");
        IntentSnapshot posted = EventMapping.toPost(reread, fromEvent);
        assertThat(posted.amountCents()).isEqualTo(2500); // the provider's own record wins for the amount
        assertThat(posted.brand()).isEqualTo("VISA");
        assertThat(posted.last4()).isEqualTo("4242");
        assertThat(posted.paidAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_100));
        assertThat(posted.attemptId()).isEqualTo("att_9");
    }

    @Test
    void aLaggingReReadIsReplacedByTheSignedSucceededEvent() {
        IntentSnapshot lagging = intent("processing", null, "att_1");
        IntentSnapshot fromEvent = intent("succeeded", null, "att_1");
        assertThat(EventMapping.toPost(lagging, fromEvent)).isSameAs(fromEvent);
    }

    @ParameterizedTest
    @CsvSource({"att_event,att_reread,att_event", ",att_reread,att_reread", "att_event,,att_event", ",,"})
    void theAttemptReferenceIsTheEventsElseTheReReads(String onEvent, String onReread, String expected) {
        assertThat(EventMapping.attemptId(intent("processing", null, onEvent), intent("processing", null, onReread)))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        // current status, current code, event code, recorded code
        "requires_payment_method,insufficient_funds,card_declined,insufficient_funds",
        "requires_payment_method,,card_declined,card_declined",
        "canceled,,card_declined,card_declined",
        "canceled,,,canceled",
        "requires_payment_method,,,payment_failed",
        "processing,,,payment_failed"
    })
    void theRecordedFailureCodeIsTheFreshestKnown(
            String status, String currentCode, String eventCode, String expected) {
        assertThat(EventMapping.failureCode(intent(status, currentCode, null), intent("canceled", eventCode, null)))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202})
    void anyFoundAnswerCommitsTheEvent(int status) {
        assertThat(EventMapping.committed(new EmrOutcome.Found<>("tx", status))).isEqualTo(EventResult.done());
    }

    @Test
    void anUnavailableConnectorIsRetriedAndARefusalGoesToAnOperator() {
        assertThat(EventMapping.committed(new EmrOutcome.Unavailable<>("timeout")))
                .isEqualTo(EventResult.retry("connector_unavailable_timeout"));
        EmrProblem notFound = new EmrProblem(ErrorCode.NOT_FOUND, 404, null);
        EmrProblem conflict = new EmrProblem(ErrorCode.CONFLICT, 409, null);
        EmrProblem invalid = new EmrProblem(ErrorCode.VALIDATION_FAILED, 422, null);
        assertThat(EventMapping.committed(new EmrOutcome.NotFound<>(notFound)))
                .isEqualTo(EventResult.deadLetter("ledger_not_found"));
        assertThat(EventMapping.committed(new EmrOutcome.Conflict<>(conflict)))
                .isEqualTo(EventResult.deadLetter("ledger_conflict"));
        assertThat(EventMapping.committed(new EmrOutcome.Rejected<>(invalid)))
                .isEqualTo(EventResult.deadLetter("ledger_rejected_422"));
    }

    @ParameterizedTest
    @EnumSource(IntentOwnership.Kind.class)
    void onlyAKnownAttemptLetsTheEventThrough(IntentOwnership.Kind kind) {
        assertThat(EventMapping.unknown(kind).isEmpty()).isEqualTo(kind == IntentOwnership.Kind.KNOWN);
    }

    private static Refund refundJson(String json) {
        return ApiResource.GSON.fromJson(json, Refund.class);
    }

    @Test
    void aRefundIsReportedWithItsIdAmountStatusAndCreationTime() {
        RefundSnapshot r = EventMapping.refund(refundJson("{\"id\":\"re_1\",\"object\":\"refund\",\"amount\":700,"
                + "\"status\":\"pending\",\"created\":1700000500,\"payment_intent\":\"pi_7\"}"));
        assertThat(r)
                .isEqualTo(new RefundSnapshot("re_1", 700, "pending", Instant.ofEpochSecond(1_700_000_500), "pi_7"));
        assertThat(EventMapping.reportable(r)).isTrue();
    }

    @Test
    void aRefundWithoutAmountStatusOrTimeIsAnEmptySucceededRefundThatIsNotReported() {
        RefundSnapshot r = EventMapping.refund(refundJson("{\"id\":\"re_2\",\"object\":\"refund\"}"));
        assertThat(r).isEqualTo(new RefundSnapshot("re_2", 0, "succeeded", null, null));
        assertThat(EventMapping.reportable(r)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"re_1,1,true", "re_1,0,false", "re_1,-5,false", ",700,false"})
    void onlyARefundWithAnIdAndAPositiveAmountIsReported(String id, long cents, boolean reportable) {
        assertThat(EventMapping.reportable(new RefundSnapshot(id, cents, "succeeded", null, null)))
                .isEqualTo(reportable);
    }

    @Test
    void aChargeRefundedWithoutListedRefundsIsRetriedOnlyWhenMoneyWasRefunded() {
        assertThat(EventMapping.noRefundListed(1L)).isEqualTo(EventResult.retry("refunds_not_listed"));
        assertThat(EventMapping.noRefundListed(5000L)).isEqualTo(EventResult.retry("refunds_not_listed"));
        assertThat(EventMapping.noRefundListed(0L)).isEqualTo(EventResult.ignored("no_refund"));
        assertThat(EventMapping.noRefundListed(null)).isEqualTo(EventResult.ignored("no_refund"));
    }

    @ParameterizedTest
    @EnumSource(DisputeStatus.class)
    void everyKnownDisputeStatusWithAnAmountIsReportedAtThatStatus(DisputeStatus status) {
        assertThat(EventMapping.disputeStatus(status.wire(), 1L)).contains(status);
        assertThat(EventMapping.disputeStatus(status.wire(), 2500L)).contains(status);
        assertThat(EventMapping.disputeStatus(status.wire(), 0L)).isEmpty();
        assertThat(EventMapping.disputeStatus(status.wire(), -1L)).isEmpty();
        assertThat(EventMapping.disputeStatus(status.wire(), null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"charge_refunded", "", "needs-response", "disputed"})
    void aDisputeStatusThisVersionDoesNotKnowIsNotReported(String status) {
        assertThat(EventMapping.disputeStatus(status, 2500L)).isEmpty();
        assertThat(EventMapping.disputeStatus(null, 2500L)).isEmpty();
    }

    /** Property: random amounts and statuses; a dispute is reported exactly when both are meaningful. */
    @Test
    void aDisputeIsReportedExactlyWhenItsStatusIsKnownAndItsAmountPositive() {
        Random r = new Random(17);
        DisputeStatus[] known = DisputeStatus.values();
        for (int i = 0; i < 500; i++) {
            boolean knownStatus = r.nextBoolean();
            String status = knownStatus ? known[r.nextInt(known.length)].wire() : "status_" + r.nextInt(1000);
            long amount = r.nextInt(2001) - 1000;
            assertThat(EventMapping.disputeStatus(status, amount).isPresent())
                    .as(status + " / " + amount)
                    .isEqualTo(knownStatus && amount > 0);
        }
    }
}
