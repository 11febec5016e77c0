package com.patientpayments.bff.household;

import com.patientpayments.bff.Money;
import com.patientpayments.bff.emr.EmrCharge;
import org.jspecify.annotations.Nullable;

/** GraphQL {@code Charge}. */
public record ChargeView(
        String id,
        String patientId,
        String patientName,
        String serviceDate,
        String procedureName,
        @Nullable String providerName,
        @Nullable String locationName,
        Money amount,
        Money balance,
        String status,
        boolean disputed) {

    static ChargeView of(EmrCharge c, String currency) {
        return new ChargeView(
                c.id(),
                c.patientId(),
                c.patientName(),
                c.serviceDate(),
                c.procedureName(),
                c.providerName(),
                c.locationName(),
                Money.of(c.amountCents(), currency),
                Money.of(c.balanceCents(), currency),
                c.status(),
                c.disputed());
    }
}
