package com.patientpayments.bff.ratelimit;

import java.time.Duration;

/**
 * A rate limit: at most {@code capacity} attempts per {@code window}, counted per subject (an account, a client
 * address). The window is fixed and starts with a subject's first attempt; a full allowance returns when it ends.
 *
 * @param name     short constant naming the limit in Redis keys ({@code signin-account}); never request data
 * @param capacity attempts allowed in one window (≥ 1)
 * @param window   the window's length
 */
public record Limit(String name, int capacity, Duration window) {

    public Limit {
        if (capacity < 1 || window.isNegative() || window.isZero() || !name.matches("[a-z-]{1,40}")) {
            throw new IllegalArgumentException("invalid limit " + name);
        }
    }

    /** This limit applied to one subject. */
    public Subject of(String subject) {
        return new Subject(this, subject);
    }

    /** A limit and the subject it counts (raw; the limiter stores only a digest of it). */
    public record Subject(Limit limit, String subject) {}
}
