package com.patientpayments.bff.session;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Sign-in throttling and timing.
 *
 * @param maxAccountFailures guesses per account (practice + account number) checked within {@code window}: failures
 *                           and attempts still in flight count, a success gives its own back; then the account is
 *                           locked and answers exactly like any other failure
 * @param maxClientFailures  the same per client address ({@code web.TrustedProxyClientAddressResolver})
 * @param window             the counting window (fixed, starting at the first attempt); also the wait the failure
 *                           message tells the patient about
 * @param minDuration        every sign-in answer takes at least this long, so causes cannot be told apart by timing
 */
@ConfigurationProperties("payments.sign-in")
public record SignInSettings(
        @Bindable(defaultValue = "5") int maxAccountFailures,
        @Bindable(defaultValue = "20") int maxClientFailures,
        @Bindable(defaultValue = "15m") Duration window,
        @Bindable(defaultValue = "40ms") Duration minDuration) {}
