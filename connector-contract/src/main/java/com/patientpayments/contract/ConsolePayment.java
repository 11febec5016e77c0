package com.patientpayments.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An online payment as the practice sees it in the console ({@code GET /api/v1/console/practices/{id}/payments} and
 * its detail). Amounts in cents; {@code paidAt} an ISO-8601 instant. The detail adds {@code allocations},
 * {@code timeline} and {@code audit}; lists omit them (the keys are absent, not null).
 *
 * @param transactionId     the ledger transaction's id (UUID)
 * @param providerReference the payment provider's id of the payment
 * @param source            the transaction's source ({@code ONLINE_PATIENT_PAYMENT}…)
 * @param status            the transaction's status ({@code SUCCEEDED}, {@code PARTIALLY_REFUNDED}, {@code REFUNDED},
 *                          {@code DISPUTED}, {@code DISPUTE_LOST})
 * @param amountCents       what the patient paid
 * @param refundedCents     refunds the provider has posted (succeeded)
 * @param refundableCents   what may still be asked: amount − refunds not failed − console requests still pending
 * @param paidAt            when it was paid (ISO-8601 instant)
 * @param methodBrand       the card brand, null when the provider gave none
 * @param methodLast4       the card's last four digits, null when the provider gave none
 * @param accountNumber     the household's account number
 * @param guarantorName     the household's guarantor, as the EMR writes the name
 * @param allocations       detail only: what the payment applied to each charge
 * @param timeline          detail only: refunds, disputes and inquiries, oldest first
 * @param audit             detail only: the ledger's and the staff's audit rows
 */
@Introspected
@Serdeable
public record ConsolePayment(
        String transactionId,
        String providerReference,
        String source,
        String status,
        long amountCents,
        long refundedCents,
        long refundableCents,
        String paidAt,
        @Nullable String methodBrand,
        @Nullable String methodLast4,
        String accountNumber,
        String guarantorName,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<Allocation> allocations,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<Adjustment> timeline,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<AuditRow> audit) {

    /**
     * What the payment applied to one charge, and what remained right after (cents; {@code serviceDate} an ISO-8601
     * day; {@code locationName} null when the charge has no office).
     */
    @Introspected
    @Serdeable
    public record Allocation(
            String chargeId,
            String patientName,
            String serviceDate,
            String procedureCode,
            String procedureName,
            @Nullable String locationName,
            long appliedCents,
            long remainingCents) {}

    /**
     * A refund ({@code PENDING}, {@code SUCCEEDED}, {@code FAILED}…), dispute or inquiry ({@code kind}), its amount in
     * cents and when it happened ({@code at}, ISO-8601 instant); {@code reference} is the provider's id, null for a
     * refund request the practice refused (it never reached the provider).
     */
    @Introspected
    @Serdeable
    public record Adjustment(
            String kind,
            String status,
            long amountCents,
            String at,
            @Nullable String reference) {}

    /**
     * One audit row: the ledger's ({@code actor} null: the system) or a staff member's; {@code at} an ISO-8601
     * instant, {@code amountCents} null when the action moved no money.
     */
    @Introspected
    @Serdeable
    public record AuditRow(
            String at,
            String action,
            @Nullable String actor,
            @Nullable Long amountCents) {}

    /**
     * This payment with its detail lists.
     *
     * @param allocations what it applied to each charge
     * @param timeline    its refunds, disputes and inquiries
     * @param audit       its audit rows
     * @return a copy with the three lists set
     */
    public ConsolePayment withDetail(List<Allocation> allocations, List<Adjustment> timeline, List<AuditRow> audit) {
        return new ConsolePayment(
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
                allocations,
                timeline,
                audit);
    }

    /**
     * A page of payments, newest first.
     *
     * @param rows        the payments (without detail lists)
     * @param totalCount  how many payments match the filters in all pages
     * @param hasNextPage whether another page follows
     * @param endCursor   the cursor of the last row, for the next page; null on an empty page
     */
    @Introspected
    @Serdeable
    public record Page(
            List<ConsolePayment> rows,
            long totalCount,
            boolean hasNextPage,
            @Nullable String endCursor) {}
}
