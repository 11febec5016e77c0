package com.patientpayments.bff.emr;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The connector's answers about refunds and disputes (emr-connector/API.md "Refund", "Dispute", "ParkedEvent"). */
public final class EmrClaims {
    private EmrClaims() {}

    /** A refund or a dispute of a posted transaction. */
    public interface Claim {
        String transactionId();
    }

    /** An amount on one charge. */
    @Serdeable
    public record ChargeAmount(String chargeId, long amountCents) {}

    /** A refund at its current status and what it takes back now. */
    @Serdeable
    public record Refund(
            String refundId,
            String transactionId,
            long amountCents,
            String status,
            @Nullable List<ChargeAmount> reversals,
            long creditReversedCents)
            implements Claim {}

    /** A dispute at its current status (Stripe's spelling) and what it takes back now. */
    @Serdeable
    public record Dispute(
            String disputeId,
            String transactionId,
            long amountCents,
            String status,
            boolean fundsWithdrawn,
            @Nullable List<ChargeAmount> reversals,
            long creditReversedCents)
            implements Claim {

        /** The status as an enum; empty for one this version does not know. */
        public java.util.Optional<DisputeStatus> disputeStatus() {
            return DisputeStatus.of(status);
        }
    }

    /** A report kept until its payment is posted ({@code 202}). */
    @Serdeable
    public record Parked(String providerReference, String kind, String sourceId, String status) {}

    /** A report the connector applied now ({@code applied}) or parked until its payment is posted ({@code parked}). */
    public record Reported<T>(@Nullable T applied, @Nullable Parked parked) {
        public boolean isParked() {
            return parked != null;
        }
    }
}
