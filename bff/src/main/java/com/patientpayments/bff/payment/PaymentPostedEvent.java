package com.patientpayments.bff.payment;

import com.patientpayments.contract.Transaction;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * A succeeded payment is in the ledger. Published after every posting (also repeats, {@code created = false}) so
 * caches can be refreshed; counters count only {@code created}.
 *
 * @param eventCreated when the provider created the event (finalize latency), if known
 * @param receivedAt   when our webhook endpoint accepted the event, if known
 */
public record PaymentPostedEvent(
        Transaction transaction,
        boolean created,
        @Nullable Instant eventCreated,
        @Nullable Instant receivedAt) {}
