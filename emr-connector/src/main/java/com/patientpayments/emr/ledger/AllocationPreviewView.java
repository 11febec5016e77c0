package com.patientpayments.emr.ledger;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * How a payment of {@code amountCents} would be applied now (API.md "AllocationPreview"): lines in allocation order,
 * each with what it would receive and what would remain; {@code creditCents} is what no payable charge would take.
 */
@Serdeable
public record AllocationPreviewView(
        String householdId, long amountCents, String currency, List<Line> lines, long creditCents) {

    /** One charge the amount reaches. */
    @Serdeable
    public record Line(String chargeId, long appliedCents, long remainingCents) {}
}
