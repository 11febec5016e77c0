package com.patientpayments.bff.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How the limiter keeps its buckets.
 *
 * @param maxLocalSubjects counters kept in memory while Redis is unreachable (one per limited subject); beyond it,
 *                         counters whose window has ended are dropped — a subject still being limited keeps its
 *                         counter, so the fallback never forgets an attacker to make room
 */
@ConfigurationProperties("payments.rate-limit")
public record RateLimitSettings(
        @Bindable(defaultValue = "100000") int maxLocalSubjects) {}
