package com.patientpayments.bff.receipt;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Receipt settings ({@code payments.receipt.*}).
 *
 * @param downloadTtl    how long a one-time download link works (default 5 minutes)
 * @param adminJwtSecret HS256 key of practice-admin bearer tokens (env {@code ADMIN_JWT_SECRET}, at least 32 bytes);
 *                       the default, set in {@code application.yml} where the env var is bound, is the demo's
 *                       documented key {@link MintAdminToken#DEMO_SECRET} and must be replaced in any real deployment
 * @param adminTokenTtl  lifetime of tokens minted by {@link MintAdminToken} (default 1 hour)
 */
@ConfigurationProperties("payments.receipt")
public record ReceiptSettings(
        @Bindable(defaultValue = "5m") Duration downloadTtl,
        String adminJwtSecret,
        @Bindable(defaultValue = "1h") Duration adminTokenTtl) {}
