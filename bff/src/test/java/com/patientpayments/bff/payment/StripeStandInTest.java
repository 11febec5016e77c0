package com.patientpayments.bff.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.patientpayments.bff.demo.StripeStandIn;
import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Dispute;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.DisputeListParams;
import com.stripe.param.DisputeUpdateParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentListParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's Stripe stand-in as the real stripe-java sees it (what the simulator's behaviour was, now over Stripe's
 * API): test PaymentMethods succeed or decline, refunds are idempotent and {@code pm_card_refundFail}'s fail a moment
 * later, dispute cards open disputes or inquiries later and evidence settles them as in Stripe's test mode; every
 * resulting event reaches the webhook endpoint signed so that the BFF's own verifier accepts it.
 */
class StripeStandInTest {

    private static final String SECRET = "whsec_stand_in_test";
    private static final String KEY = "sk_test_stand_in_test";

    private final BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
    private final List<String> badSignatures = new ArrayList<>();
    private HttpServer webhook;
    private StripeStandIn standIn;
    private StripeClient stripe;

    @BeforeEach
    void start() throws Exception {
        StripeSignatureVerifier verifier =
                new StripeSignatureVerifier(new WebhookSettings(List.of(SECRET), Duration.ofMinutes(5)));
        webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhook.createContext("/webhooks/stripe", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (verifier.verify(body, exchange.getRequestHeaders().getFirst("Stripe-Signature"))) {
                events.add(JsonParser.parseString(body).getAsJsonObject());
            } else {
                badSignatures.add(body);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhook.start();
        URI target = URI.create("http://127.0.0.1:" + webhook.getAddress().getPort() + "/webhooks/stripe");
        standIn = new StripeStandIn(0, KEY, () -> target, SECRET);
        URI address = standIn.get();
        assertThat(address.getUserInfo()).isEqualTo(KEY);
        stripe = StripeClient.builder()
                .setApiKey(address.getUserInfo())
                .setApiBase(standIn.url())
                .build();
    }

    @AfterEach
    void stop() {
        standIn.close();
        webhook.stop(0);
    }

    private PaymentIntent create(long cents, String key) throws Exception {
        return stripe.v1()
                .paymentIntents()
                .create(
                        PaymentIntentCreateParams.builder()
                                .setAmount(cents)
                                .setCurrency("usd")
                                .putMetadata("attempt_id", "att-" + key)
                                .build(),
                        RequestOptions.builder().setIdempotencyKey(key).build());
    }

    private PaymentIntent pay(long cents, String paymentMethod) throws Exception {
        PaymentIntent pi = create(cents, UUID.randomUUID().toString());
        PaymentIntent paid = stripe.v1()
                .paymentIntents()
                .confirm(
                        pi.getId(),
                        PaymentIntentConfirmParams.builder()
                                .setPaymentMethod(paymentMethod)
                                .build());
        assertThat(next().get("type").getAsString()).isEqualTo("payment_intent.succeeded");
        return paid;
    }

    private JsonObject next() throws InterruptedException {
        JsonObject event = events.poll(5, TimeUnit.SECONDS);
        assertThat(event).as("an event within 5 s").isNotNull();
        return event;
    }

    private List<String> nextTypes(int n) throws InterruptedException {
        List<String> types = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            types.add(next().get("type").getAsString());
        }
        return types;
    }

    private static JsonObject object(JsonObject event) {
        return event.getAsJsonObject("data").getAsJsonObject("object");
    }

    @Test
    void anIntentOfAConnectedAccountIsFoundOnlyWithThatAccount() throws Exception {
        RequestOptions connected =
                RequestOptions.builder().setStripeAccount("acct_1StandInTest00").build();
        PaymentIntent pi = stripe.v1()
                .paymentIntents()
                .create(
                        PaymentIntentCreateParams.builder()
                                .setAmount(500L)
                                .setCurrency("usd")
                                .build(),
                        connected);
        assertThat(stripe.v1()
                        .paymentIntents()
                        .retrieve(pi.getId(), (PaymentIntentRetrieveParams) null, connected)
                        .getId())
                .isEqualTo(pi.getId());
        for (RequestOptions other : List.of(
                RequestOptions.getDefault(),
                RequestOptions.builder()
                        .setStripeAccount("acct_1OtherAccount00")
                        .build())) {
            assertThatThrownBy(() -> stripe.v1()
                            .paymentIntents()
                            .retrieve(pi.getId(), (PaymentIntentRetrieveParams) null, other))
                    .isInstanceOfSatisfying(
                            InvalidRequestException.class,
                            e -> assertThat(e.getStatusCode()).isEqualTo(404));
            assertThatThrownBy(
                            () -> stripe.v1().paymentIntents().confirm(pi.getId(), confirmWith("pm_card_visa"), other))
                    .isInstanceOf(InvalidRequestException.class);
        }
        assertThat(events).as("no confirm went through on another account").isEmpty();
    }

    @Test
    void aTestCardSucceedsOnceAndItsSignedEventCarriesTheCard() throws Exception {
        String key = UUID.randomUUID().toString();
        PaymentIntent pi = create(1600, key);
        assertThat(create(1600, key).getId())
                .as("same idempotency key, same intent")
                .isEqualTo(pi.getId());
        assertThat(pi.getClientSecret()).startsWith(pi.getId() + "_secret_");

        PaymentIntent paid = stripe.v1().paymentIntents().confirm(pi.getId(), confirmWith("pm_card_visa"));
        assertThat(paid.getStatus()).isEqualTo("succeeded");
        JsonObject event = next();
        assertThat(event.get("type").getAsString()).isEqualTo("payment_intent.succeeded");
        JsonObject intent = object(event);
        assertThat(intent.get("id").getAsString()).isEqualTo(pi.getId());
        assertThat(intent.has("client_secret")).isFalse();
        IntentSnapshot snapshot = IntentSnapshot.of(stripe.v1().paymentIntents().retrieve(pi.getId()));
        assertThat(snapshot.succeeded()).isTrue();
        assertThat(snapshot.brand()).isEqualTo("VISA");
        assertThat(snapshot.last4()).isEqualTo("4242");
        assertThat(snapshot.attemptId()).isEqualTo("att-" + key);

        assertThatThrownBy(() -> stripe.v1().paymentIntents().confirm(pi.getId(), confirmWith("pm_card_visa")))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.getCode()).isEqualTo("payment_intent_unexpected_state"));
        assertThat(events.poll(1, TimeUnit.SECONDS))
                .as("confirming again sends nothing")
                .isNull();
        assertThat(badSignatures).isEmpty();

        List<PaymentIntent> listed = stripe.v1()
                .paymentIntents()
                .list(PaymentIntentListParams.builder()
                        .setCreated(PaymentIntentListParams.Created.builder()
                                .setGte(Instant.now().minusSeconds(60).getEpochSecond())
                                .setLt(Instant.now().plusSeconds(60).getEpochSecond())
                                .build())
                        .build())
                .getData();
        assertThat(listed).extracting(PaymentIntent::getId).containsExactly(pi.getId());
        assertThat(stripe.v1().charges().retrieve(paid.getLatestCharge()).getPaymentIntent())
                .isEqualTo(pi.getId());
    }

    @Test
    void declinesAnswerWithTheCardErrorAndAFailedEventAndMayBeRetried() throws Exception {
        PaymentIntent pi = create(1700, UUID.randomUUID().toString());
        assertThatThrownBy(() -> stripe.v1()
                        .paymentIntents()
                        .confirm(pi.getId(), confirmWith("pm_card_chargeDeclinedInsufficientFunds")))
                .isInstanceOfSatisfying(
                        CardException.class, e -> assertThat(e.getDeclineCode()).isEqualTo("insufficient_funds"));
        JsonObject failed = next();
        assertThat(failed.get("type").getAsString()).isEqualTo("payment_intent.payment_failed");
        IntentSnapshot snapshot = IntentSnapshot.of(stripe.v1().paymentIntents().retrieve(pi.getId()));
        assertThat(snapshot.failed()).isTrue();
        assertThat(snapshot.failureCode()).isEqualTo("insufficient_funds");

        assertThatThrownBy(
                        () -> stripe.v1().paymentIntents().confirm(pi.getId(), confirmWith("pm_card_chargeDeclined")))
                .isInstanceOfSatisfying(
                        CardException.class, e -> assertThat(e.getCode()).isEqualTo("card_declined"));
        assertThat(next().get("type").getAsString()).isEqualTo("payment_intent.payment_failed");
        assertThat(IntentSnapshot.of(stripe.v1().paymentIntents().retrieve(pi.getId()))
                        .failureCode())
                .isEqualTo("card_declined");
        PaymentIntent retried = stripe.v1().paymentIntents().confirm(pi.getId(), confirmWith("pm_card_visa"));
        assertThat(retried.getStatus())
                .as("a declined intent may be confirmed again")
                .isEqualTo("succeeded");
        assertThat(next().get("type").getAsString()).isEqualTo("payment_intent.succeeded");
        PaymentIntent other = create(1800, UUID.randomUUID().toString());
        assertThatThrownBy(() -> stripe.v1().paymentIntents().confirm(other.getId(), confirmWith("pm_card_unknown")))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void requestsWithoutItsKeyAreRefused() {
        StripeClient stranger = StripeClient.builder()
                .setApiKey("sk_test_other")
                .setApiBase(standIn.url())
                .build();
        assertThatThrownBy(() -> stranger.v1().paymentIntents().retrieve("pi_x"))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void refundsAreIdempotentBoundedAndARefundFailCardsRefundFailsLater() throws Exception {
        PaymentIntent pi = pay(6000, "pm_card_refundFail");
        RequestOptions once =
                RequestOptions.builder().setIdempotencyKey("refund-1").build();
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(pi.getId())
                .setAmount(2500L)
                .build();
        Refund refund = stripe.v1().refunds().create(params, once);
        assertThat(refund.getStatus()).isEqualTo("succeeded");
        assertThat(stripe.v1().refunds().create(params, once).getId()).isEqualTo(refund.getId());
        assertThat(nextTypes(2)).containsExactly("refund.created", "charge.refunded");
        assertRefundRefused(pi, 3501L, "amount_too_large");

        List<JsonObject> later = List.of(next(), next(), next());
        assertThat(later)
                .extracting(e -> e.get("type").getAsString())
                .containsExactly("refund.failed", "refund.updated", "charge.refund.updated");
        assertThat(object(later.get(0)).get("status").getAsString()).isEqualTo("failed");
        List<Refund> ofCharge = stripe.v1()
                .refunds()
                .list(RefundListParams.builder().setCharge(pi.getLatestCharge()).build())
                .getData();
        assertThat(ofCharge).extracting(Refund::getStatus).containsExactly("failed");
    }

    @Test
    void aDisputeCardIsDisputedLaterAndWinningEvidenceWinsIt() throws Exception {
        PaymentIntent pi = pay(7000, "pm_card_createDispute");
        assertThat(nextTypes(2)).containsExactly("charge.dispute.created", "charge.dispute.funds_withdrawn");
        assertRefundRefused(pi, 100L, "charge_disputed");
        Dispute dispute = stripe.v1()
                .disputes()
                .list(DisputeListParams.builder().setPaymentIntent(pi.getId()).build())
                .getData()
                .get(0);
        assertThat(dispute.getStatus()).isEqualTo("needs_response");
        assertThat(dispute.getReason()).isEqualTo("fraudulent");
        Dispute won = evidence(dispute.getId(), "winning_evidence");
        assertThat(won.getStatus()).isEqualTo("won");
        assertThat(nextTypes(3))
                .containsExactly("charge.dispute.updated", "charge.dispute.closed", "charge.dispute.funds_reinstated");
        assertThatThrownBy(() -> evidence(dispute.getId(), "losing_evidence"))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void anInquiryMovesNoMoneyUntilLosingEvidenceEscalatesIt() throws Exception {
        PaymentIntent pi = pay(5000, "pm_card_createDisputeInquiry");
        JsonObject opened = next();
        assertThat(opened.get("type").getAsString()).isEqualTo("charge.dispute.created");
        assertThat(object(opened).get("status").getAsString()).isEqualTo("warning_needs_response");
        assertThat(events.poll(1, TimeUnit.SECONDS)).as("no funds withdrawn").isNull();
        String disputeId = object(opened).get("id").getAsString();
        assertThat(evidence(disputeId, "losing_evidence").getStatus()).isEqualTo("needs_response");
        assertThat(nextTypes(2)).containsExactly("charge.dispute.updated", "charge.dispute.funds_withdrawn");

        PaymentIntent lost = pay(4500, "pm_card_createDisputeProductNotReceived");
        JsonObject created = next();
        assertThat(object(created).get("reason").getAsString()).isEqualTo("product_not_received");
        next();
        assertThat(evidence(object(created).get("id").getAsString(), "losing_evidence")
                        .getStatus())
                .isEqualTo("lost");
        assertThat(pi.getId()).isNotEqualTo(lost.getId());
    }

    private Dispute evidence(String disputeId, String text) throws Exception {
        return stripe.v1()
                .disputes()
                .update(
                        disputeId,
                        DisputeUpdateParams.builder()
                                .setEvidence(DisputeUpdateParams.Evidence.builder()
                                        .setUncategorizedText(text)
                                        .build())
                                .build());
    }

    /** A refund of {@code amountCents} of {@code pi} is refused with the Stripe error {@code code}. */
    private void assertRefundRefused(PaymentIntent pi, long amountCents, String code) {
        assertThatThrownBy(() -> stripe.v1()
                        .refunds()
                        .create(RefundCreateParams.builder()
                                .setPaymentIntent(pi.getId())
                                .setAmount(amountCents)
                                .build()))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.getCode()).isEqualTo(code));
    }

    /** Confirm parameters paying with the test payment method {@code paymentMethod} (e.g. {@code pm_card_visa}). */
    private static PaymentIntentConfirmParams confirmWith(String paymentMethod) {
        return PaymentIntentConfirmParams.builder()
                .setPaymentMethod(paymentMethod)
                .build();
    }
}
