package com.patientpayments.bff.payment;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Caches the connector's ReceiptData JSON of a freshly posted payment in Redis (30 minutes by default) so the receipt
 * page, PDF and email need no connector round trip. Best effort: with Redis down payments still post; readers fall
 * back to the connector.
 */
@Singleton
public class ReceiptPayloadCache {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptPayloadCache.class);

    private final BeanProvider<StatefulRedisConnection<String, String>> redis;
    private final String keyPrefix;
    private final Duration ttl;

    public ReceiptPayloadCache(BeanProvider<StatefulRedisConnection<String, String>> redis,
                               @Value("${payments.receipt-payload.key-prefix:payments:receipt:}") String keyPrefix,
                               @Value("${payments.receipt-payload.ttl:30m}") Duration ttl) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.ttl = ttl;
    }

    /** The Redis key of a transaction's receipt payload. */
    public String key(String transactionId) {
        return keyPrefix + transactionId;
    }

    public void put(String transactionId, String receiptJson) {
        try {
            if (!redis.isPresent()) {
                return;
            }
            redis.get().async().setex(key(transactionId), ttl.toSeconds(), receiptJson).get(1, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Receipt payload not cached ({})", e.getClass().getSimpleName());
        }
    }

    public Optional<String> get(String transactionId) {
        try {
            if (!redis.isPresent()) {
                return Optional.empty();
            }
            return Optional.ofNullable(redis.get().async().get(key(transactionId)).get(1, TimeUnit.SECONDS));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
