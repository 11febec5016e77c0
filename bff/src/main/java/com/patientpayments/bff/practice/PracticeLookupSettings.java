package com.patientpayments.bff.practice;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Throttling of {@code practice(hash)} per client address against hash enumeration ({@code payments.practice.*}).
 * Only look-ups of hashes that do not exist (or are inactive) use the allowance; a patient reloading a real landing
 * page never does. The look-up is reserved before the connector is asked, so concurrent requests cannot exceed it.
 *
 * @param maxLookupMisses unknown-hash look-ups per client address within {@code window} (default 30); then every
 *                        look-up from that address answers {@code RATE_LIMITED} until the window ends
 * @param window          the counting window (default 15 minutes)
 */
@ConfigurationProperties("payments.practice")
public record PracticeLookupSettings(
        @Bindable(defaultValue = "30") int maxLookupMisses,
        @Bindable(defaultValue = "15m") Duration window) {}
