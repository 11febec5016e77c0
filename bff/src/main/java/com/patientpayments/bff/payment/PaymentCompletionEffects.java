package com.patientpayments.bff.payment;

import com.patientpayments.bff.household.HouseholdChargesCache;
import com.patientpayments.bff.observability.Funnel;
import com.patientpayments.bff.receipt.ReceiptService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows a posted payment, best effort (the ledger already has the money): the household's cached charges are
 * dropped, the receipt payload is built and cached ({@link ReceiptService}) for the receipt page, PDF and email, the {@code payment_completed} funnel
 * step is counted, and the finalize latency (provider event created → posted) and webhook-to-posted latency are
 * recorded. Slow parts run off the consumer's thread.
 */
@Singleton
public class PaymentCompletionEffects implements ApplicationEventListener<PaymentPostedEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentCompletionEffects.class);

    private final PracticeAccounts practices;
    private final ReceiptService receipts;
    private final HouseholdChargesCache charges;
    private final Funnel funnel;
    private final ExecutorService executor;
    private final Timer finalizeLatency;
    private final Timer webhookToPosted;

    public PaymentCompletionEffects(
            PracticeAccounts practices,
            ReceiptService receipts,
            HouseholdChargesCache charges,
            Funnel funnel,
            MeterRegistry meters,
            @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.practices = practices;
        this.receipts = receipts;
        this.charges = charges;
        this.funnel = funnel;
        this.executor = executor;
        this.finalizeLatency = Timer.builder("payments.finalize.latency")
                .description("Provider event created until the payment is posted to the ledger")
                .publishPercentileHistogram()
                .register(meters);
        this.webhookToPosted = Timer.builder("payments.webhook.to.posted")
                .description("Webhook accepted until the payment is posted to the ledger")
                .publishPercentileHistogram()
                .register(meters);
    }

    @Override
    public void onApplicationEvent(PaymentPostedEvent event) {
        Instant now = Instant.now();
        var tx = event.transaction();
        if (event.created()) {
            if (event.eventCreated() != null) {
                finalizeLatency.record(
                        Duration.between(event.eventCreated(), now).abs());
            }
            if (event.receivedAt() != null) {
                webhookToPosted.record(Duration.between(event.receivedAt(), now).abs());
            }
            LOG.info("Payment posted tx={} practice={}", tx.id(), tx.practiceId());
        }
        executor.execute(() -> {
            charges.evict(tx.householdId());
            if (event.created()) {
                countCompleted(tx.practiceId());
            }
            cacheReceipt(tx.id());
        });
    }

    private void countCompleted(String practiceId) {
        var practice = practices.practice(practiceId);
        if (practice.optional().isPresent()) {
            funnel.record(
                    Funnel.Step.PAYMENT_COMPLETED, practice.optional().get().hash());
        } else {
            LOG.warn("payment_completed not counted ({})", practice.label());
        }
    }

    private void cacheReceipt(String transactionId) {
        try {
            // The receipt feature's payload (Redis key receipt:<txId>, 30 minutes), built from the connector.
            receipts.buildAndCache(transactionId);
        } catch (RuntimeException e) {
            LOG.warn("Receipt payload not built ({})", e.getClass().getSimpleName());
        }
    }
}
