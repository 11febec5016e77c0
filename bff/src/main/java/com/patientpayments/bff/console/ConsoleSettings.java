package com.patientpayments.bff.console;

import io.micronaut.context.annotation.ConfigurationProperties;
import org.jspecify.annotations.Nullable;

/**
 * The practice console's settings ({@code payments.console.*}).
 *
 * @param publicUrl the patients' address of the BFF, e.g. {@code https://pay.example}: statement links and their QR
 *                  codes point there. Env {@code PUBLIC_BASE_URL} (application.yml maps it; its one default is empty),
 *                  overridden by {@code payments.console.public-url}; empty or absent: links relative to the console's
 *                  own address
 */
@ConfigurationProperties("payments.console")
public record ConsoleSettings(@Nullable String publicUrl) {}
