package com.patientpayments.bff.payment;

import com.patientpayments.bff.redis.RedisStore;
import com.patientpayments.bff.redis.RedisUnavailableException;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * Caches the connector's ReceiptData JSON of a freshly posted payment in Redis (key {@code payments:receipt:<txId>}
 * under the store's prefix, 30 minutes by default) so the receipt page, PDF and email need no connector round trip.
 * Best effort: with Redis down payments still post and readers fall back to the connector.
 */
@Singleton
public class ReceiptPayloadCache {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptPayloadCache.class);
    private static final String PREFIX = "payments:receipt:";

    private final RedisStore redis;
    private final Duration ttl;

    public ReceiptPayloadCache(RedisStore redis, @Value("${payments.cache.receipt-ttl:30m}") Duration ttl) {
        this.redis = redis;
        this.ttl = ttl;
    }

    public void put(String transactionId, String receiptJson) {
        try {
            redis.set(PREFIX + transactionId, receiptJson, ttl);
        } catch (RedisUnavailableException e) {
            LOG.warn("Receipt payload not cached: Redis unavailable");
        }
    }

    public Optional<String> get(String transactionId) {
        try {
            return redis.get(PREFIX + transactionId);
        } catch (RedisUnavailableException e) {
            return Optional.empty();
        }
    }
}
