package com.patientpayments.bff.redis;

/** Redis could not be reached or did not answer in time; callers fall back (connector, in-memory limiter). */
public class RedisUnavailableException extends RuntimeException {

    public RedisUnavailableException(Throwable cause) {
        super("redis unavailable", cause, false, false);
    }
}
