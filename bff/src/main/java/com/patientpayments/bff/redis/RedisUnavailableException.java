package com.patientpayments.bff.redis;

import org.jspecify.annotations.Nullable;

/** Redis could not be reached or did not answer in time; callers fall back (connector, in-memory limiter). */
public class RedisUnavailableException extends RuntimeException {

    public RedisUnavailableException(@Nullable Throwable cause) {
        super("redis unavailable", cause, false, false);
    }
}
