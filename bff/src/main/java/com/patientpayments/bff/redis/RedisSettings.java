package com.patientpayments.bff.redis;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Redis used by the BFF for caches, rate limits, revoked sessions and one-time tokens.
 *
 * @param uri            {@code REDIS_URL}, e.g. {@code redis://127.0.0.1:6379} (the default, set in
 *                       {@code application.yml} where the env var is bound)
 * @param keyPrefix      prefix of every key (tests use one per test class); default {@code pp:}
 * @param commandTimeout how long one command may take before the caller falls back (Redis is never worth a hang)
 * @param retryInterval  after a failed connect, how long to answer "unavailable" before trying again
 */
@ConfigurationProperties("payments.redis")
public record RedisSettings(
        String uri,
        @Bindable(defaultValue = "pp:") String keyPrefix,
        @Bindable(defaultValue = "250ms") Duration commandTimeout,
        @Bindable(defaultValue = "1s") Duration retryInterval) {}
