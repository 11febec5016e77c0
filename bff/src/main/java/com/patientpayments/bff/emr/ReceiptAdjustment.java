package com.patientpayments.bff.emr;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A later refund or dispute of a payment, as the connector's {@code ReceiptData} lists it and the receipt shows it.
 *
 * @param kind        {@code REFUND}, {@code DISPUTE_OPENED}, {@code DISPUTE_WON} or {@code DISPUTE_LOST}
 * @param amountCents the amount moved, integer cents
 * @param occurredAt  when it took effect
 */
@Serdeable
public record ReceiptAdjustment(String kind, long amountCents, Instant occurredAt) {}
