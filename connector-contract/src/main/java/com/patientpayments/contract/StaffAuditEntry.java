package com.patientpayments.contract;

import io.micronaut.serde.annotation.Serdeable;
import org.jspecify.annotations.Nullable;

/**
 * A console action the BFF performs itself and asks the connector to audit
 * ({@code POST /api/v1/staff/{staffId}/audit}). Opaque ids and amounts only — never names, account numbers or emails.
 *
 * @param action        a staff audit action name ({@code SIGN_IN}, {@code VIEW_RECEIPT}, {@code DLQ_REPLAY}, …); the
 *                      connector answers 400 {@code INVALID_REQUEST} to a name it does not know
 * @param practiceId    the practice acted on (UUID), or null
 * @param transactionId the ledger transaction acted on (UUID), or null
 * @param amountCents   an amount involved, in cents, or null
 * @param reference     a short free reference such as {@code rows=12} (≤ 255 characters), or null
 */
@Serdeable
public record StaffAuditEntry(
        String action,
        @Nullable String practiceId,
        @Nullable String transactionId,
        @Nullable Long amountCents,
        @Nullable String reference) {}
