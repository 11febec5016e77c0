package com.patientpayments.emr.console;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An online payment as the practice sees it (amounts in cents; {@code paidAt} an ISO-8601 instant). The detail adds
 * {@code allocations}, {@code timeline} and {@code audit}; lists omit them.
 *
 * @param refundedCents   refunds the provider has posted (succeeded)
 * @param refundableCents what may still be asked: amount − refunds not failed − console requests still pending
 */
@Serdeable
public record ConsolePaymentView(
        String transactionId,
        String providerReference,
        String source,
        String status,
        long amountCents,
        long refundedCents,
        long refundableCents,
        String paidAt,
        String methodBrand,
        String methodLast4,
        String accountNumber,
        String guarantorName,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<Allocation> allocations,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<Adjustment> timeline,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<AuditRow> audit) {

    /** What the payment applied to one charge, and what remained right after. */
    @Serdeable
    public record Allocation(
            String chargeId,
            String patientName,
            String serviceDate,
            String procedureCode,
            String procedureName,
            String locationName,
            long appliedCents,
            long remainingCents) {}

    /**
     * A refund ({@code PENDING}, {@code SUCCEEDED}, {@code FAILED}…), dispute or inquiry; {@code reference} is the
     * provider's id, null for a refund request the practice refused (it never reached the provider).
     */
    @Serdeable
    public record Adjustment(
            String kind,
            String status,
            long amountCents,
            String at,
            @Nullable String reference) {}

    /** One audit row: the ledger's ({@code actor} null: the system) or a staff member's. */
    @Serdeable
    public record AuditRow(
            String at,
            String action,
            @Nullable String actor,
            @Nullable Long amountCents) {}

    ConsolePaymentView withDetail(List<Allocation> a, List<Adjustment> t, List<AuditRow> r) {
        return new ConsolePaymentView(
                transactionId,
                providerReference,
                source,
                status,
                amountCents,
                refundedCents,
                refundableCents,
                paidAt,
                methodBrand,
                methodLast4,
                accountNumber,
                guarantorName,
                a,
                t,
                r);
    }

    /** A page of payments, newest first. */
    @Serdeable
    public record Page(
            List<ConsolePaymentView> rows,
            long totalCount,
            boolean hasNextPage,
            @Nullable String endCursor) {}
}
