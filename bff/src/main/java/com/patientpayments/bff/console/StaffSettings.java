package com.patientpayments.bff.console;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The practice console's staff session and sign-in ({@code payments.staff.*}).
 *
 * @param idleTimeout        the staff session ends this long after its last request (sliding; Redis TTL)
 * @param cookieName         the staff session's own HttpOnly cookie (never the patient's)
 * @param maxAccountFailures failed sign-ins per email in {@code window} before that email is locked out
 * @param maxClientFailures  failed sign-ins per client address in {@code window}
 * @param window             the lockout window
 * @param minDuration        every sign-in answer takes at least this long (failures cannot be told apart by timing)
 */
@ConfigurationProperties("payments.staff")
public record StaffSettings(
        @Bindable(defaultValue = "15m") Duration idleTimeout,
        @Bindable(defaultValue = "pp_staff") String cookieName,
        @Bindable(defaultValue = "5") int maxAccountFailures,
        @Bindable(defaultValue = "20") int maxClientFailures,
        @Bindable(defaultValue = "15m") Duration window,
        @Bindable(defaultValue = "150ms") Duration minDuration) {}
