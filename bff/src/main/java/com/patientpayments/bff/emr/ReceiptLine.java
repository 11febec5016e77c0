package com.patientpayments.bff.emr;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;

/**
 * What one payment did to one charge, as the connector's {@code ReceiptData} lists it and as the receipt shows it
 * (the BFF's {@code ReceiptView} carries these lines unchanged). Amounts are integer cents.
 *
 * @param chargeId          connector id of the charge
 * @param patientId         connector id of the patient treated
 * @param patientName       the patient's name as the receipt prints it
 * @param serviceDate       date of service
 * @param procedureName     the procedure as the practice names it
 * @param providerName      the treating provider, or null
 * @param locationName      the practice location, or null
 * @param chargeAmountCents the charge's full amount
 * @param appliedCents      the part of this payment applied to it
 * @param remainingCents    the charge's balance right after this payment was applied
 */
@Serdeable
public record ReceiptLine(
        String chargeId,
        String patientId,
        String patientName,
        LocalDate serviceDate,
        String procedureName,
        @Nullable String providerName,
        @Nullable String locationName,
        long chargeAmountCents,
        long appliedCents,
        long remainingCents) {}
