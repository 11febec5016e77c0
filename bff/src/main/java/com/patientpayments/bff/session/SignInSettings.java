package com.patientpayments.bff.session;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Sign-in throttling and timing.
 *
 * @param maxAccountFailures failures per account (practice + account number) within {@code window} before it is
 *                           locked; a locked account answers exactly like any other failure
 * @param maxClientFailures  failures per client address within {@code window} before that address is refused
 * @param window             the counting window (fixed, starting at the first failure)
 * @param minDuration        every sign-in answer takes at least this long, so causes cannot be told apart by timing
 */
@ConfigurationProperties("payments.sign-in")
public record SignInSettings(
        @Bindable(defaultValue = "5") int maxAccountFailures,
        @Bindable(defaultValue = "20") int maxClientFailures,
        @Bindable(defaultValue = "15m") Duration window,
        @Bindable(defaultValue = "40ms") Duration minDuration) {
}
