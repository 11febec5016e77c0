package com.patientpayments.bff.email;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Receipt email settings ({@code payments.email.*}). The defaults of {@code from}, {@code region} and
 * {@code standInPort} are set in {@code application.yml}, where their environment variables are bound.
 *
 * @param from           sender address (env {@code RECEIPT_FROM_EMAIL}; default {@code receipts@patientpayments.example})
 * @param sesEndpoint    SES v2 endpoint override (env {@code SES_ENDPOINT}); empty starts the in-process SES stand-in
 *                       on 127.0.0.1 (demo and tests)
 * @param region         AWS region of SES (env {@code AWS_REGION}; default {@code us-east-1})
 * @param standInPort    port of the stand-in (env {@code MAIL_PORT}; default 0 = a free port)
 * @param standInUrlFile when set (env {@code MAIL_URL_FILE}), the stand-in writes its inbox URL there for scripts
 * @param perSessionHour emails one session may queue per hour (default 5)
 * @param maxAttempts    attempts per email before giving up; set in {@code application.yml} (4), which
 *                       {@code ReceiptEmailAttempts}' {@code @Retryable} reads
 * @param retryBackoff   delay before the first retry, doubling each time; set in {@code application.yml} (2 s), which
 *                       {@code ReceiptEmailAttempts}' {@code @Retryable} reads
 * @param markerTtl      how long the per-request "sent" marker is kept in Redis (default 1 day)
 */
@ConfigurationProperties("payments.email")
public record EmailSettings(
        String from,

        @Nullable String sesEndpoint,
        String region,
        int standInPort,
        @Nullable String standInUrlFile,
        @Bindable(defaultValue = "5") int perSessionHour,
        int maxAttempts,
        Duration retryBackoff,
        @Bindable(defaultValue = "1d") Duration markerTtl) {}
