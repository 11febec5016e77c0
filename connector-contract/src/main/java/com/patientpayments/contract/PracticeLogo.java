package com.patientpayments.contract;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A stored practice logo's description (API.md "Logo"), without its bytes (those are at
 * {@code GET /api/v1/practices/{id}/logo}).
 *
 * @param contentType {@code image/png} or {@code image/svg+xml}
 * @param sha256      lower-case hex SHA-256 of the bytes
 * @param sizeBytes   the size of the bytes
 */
@Introspected
@Serdeable
public record PracticeLogo(String contentType, String sha256, int sizeBytes) {}
