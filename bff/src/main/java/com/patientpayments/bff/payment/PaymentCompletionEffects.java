package com.patientpayments.bff.payment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;

/**
 * What follows a posted payment, off the consumer's thread and best effort (the ledger already has the money):
 * the receipt payload cached for the receipt page, PDF and email; the {@code payment_completed} count and the
 * finalize latency (provider event created → posted) and webhook-to-posted latency.
 */
@Singleton
public class PaymentCompletionEffects implements ApplicationEventListener<PaymentPostedEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentCompletionEffects.class);

    private final LedgerClient ledger;
    private final ReceiptPayloadCache receipts;
    private final MeterRegistry meters;
    private final ExecutorService executor;
    private final Timer finalizeLatency;
    private final Timer webhookToPosted;

    public PaymentCompletionEffects(LedgerClient ledger, ReceiptPayloadCache receipts, MeterRegistry meters,
                                    @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.ledger = ledger;
        this.receipts = receipts;
        this.meters = meters;
        this.executor = executor;
        this.finalizeLatency = Timer.builder("payments.finalize.latency")
                .description("Provider event created until the payment is posted to the ledger")
                .publishPercentileHistogram().register(meters);
        this.webhookToPosted = Timer.builder("payments.webhook.to.posted")
                .description("Webhook accepted until the payment is posted to the ledger")
                .publishPercentileHistogram().register(meters);
    }

    @Override
    public void onApplicationEvent(PaymentPostedEvent event) {
        Instant now = Instant.now();
        if (event.created()) {
            Counter.builder("payments.completed").description("Payments posted to the ledger")
                    .tag("practice", event.transaction().practiceId()).register(meters).increment();
            if (event.eventCreated() != null) {
                finalizeLatency.record(Duration.between(event.eventCreated(), now).abs());
            }
            if (event.receivedAt() != null) {
                webhookToPosted.record(Duration.between(event.receivedAt(), now).abs());
            }
            LOG.info("Payment posted tx={} practice={}", event.transaction().id(), event.transaction().practiceId());
        }
        executor.execute(() -> cacheReceipt(event.transaction().id()));
    }

    private void cacheReceipt(String transactionId) {
        try {
            receipts.put(transactionId, ledger.receiptData(transactionId));
        } catch (RuntimeException e) {
            LOG.warn("Receipt payload not built ({})", e.getClass().getSimpleName());
        }
    }
}
