package com.patientpayments.bff.session;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The patient session cookie.
 *
 * @param idleTimeout     the session ends after this long without a request; every request renews it (sliding)
 * @param absoluteTimeout the session ends this long after sign-in whatever the activity (60 minutes: long enough to
 *                        pay a bill calmly, short enough that a forgotten shared device does not stay signed in)
 * @param cookieName      name of the HttpOnly cookie holding the session JWT
 * @param cookieSecure    {@code SESSION_COOKIE_SECURE}; false only for plain-http local runs (default true, set in
 *                        {@code application.yml} where the env var is bound)
 * @param jwtSecret       {@code SESSION_JWT_SECRET} (at least 32 bytes); when absent a random secret is made per
 *                        process, so sessions do not survive a restart and do not work across instances
 */
@ConfigurationProperties("payments.session")
public record SessionSettings(
        @Bindable(defaultValue = "10m") Duration idleTimeout,
        @Bindable(defaultValue = "60m") Duration absoluteTimeout,
        @Bindable(defaultValue = "pp_session") String cookieName,
        boolean cookieSecure,
        @Nullable String jwtSecret) {}
