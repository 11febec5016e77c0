package com.patientpayments.bff.emr;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** How an amount would be applied now, by the ledger's own allocator (emr-connector/API.md "AllocationPreview"). */
@Serdeable
public record EmrAllocationPreview(
        String householdId, long amountCents, String currency, List<Line> lines, long creditCents) {

    /** One charge the amount reaches. */
    @Serdeable
    public record Line(String chargeId, long appliedCents, long remainingCents) {}
}
