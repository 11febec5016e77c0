package com.patientpayments.bff;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Start-up ({@code payments.startup.*}). At the module root because two features read it (the queue consumer and the
 * receipt renderer's warm-up) and neither owns the other.
 *
 * @param backgroundDelay how long after start-up the queue consumer starts and the PDF renderer is warmed up on
 *                        background threads, so they do not compete with the first requests (default 1.5 s)
 */
@ConfigurationProperties("payments.startup")
public record StartupSettings(
        @Bindable(defaultValue = "1500ms") Duration backgroundDelay) {}
