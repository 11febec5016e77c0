package com.patientpayments.bff.receipt;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.annotation.Value;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The receipt payload cache: JSON of {@link ReceiptView} in Redis under {@code receipt:<txId>} (after the configured
 * key prefix), kept {@code payments.cache.receipt-ttl} (30 minutes). A cache only: the connector stays authoritative,
 * and a missing, expired or unreadable entry is rebuilt from it. Blocking: call off the event loop.
 */
@Singleton
public class ReceiptCache {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptCache.class);

    private final StatefulRedisConnection<String, String> redis;
    private final ObjectMapper json;
    private final String prefix;
    private final Duration ttl;

    public ReceiptCache(StatefulRedisConnection<String, String> redis, ObjectMapper json, ReceiptProperties props,
                        @Value("${payments.cache.receipt-ttl:30m}") Duration ttl) {
        this.redis = redis;
        this.json = json;
        this.prefix = props.keyPrefix() + "receipt:";
        this.ttl = ttl;
    }

    /** Stores (or replaces) the payload of {@code txId} for the cache TTL. */
    public void put(String txId, ReceiptView payload) {
        try {
            redis.sync().set(prefix + txId, json.writeValueAsString(payload), SetArgs.Builder.px(ttl.toMillis()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cached payload, or empty when missing, expired or unreadable (an older format after a deploy). */
    public Optional<ReceiptView> get(String txId) {
        String value = redis.sync().get(prefix + txId);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(value, ReceiptView.class));
        } catch (IOException | RuntimeException e) {
            LOG.warn("receipt cache entry unreadable; rebuilding from the connector ({})", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** Remaining time to live of the entry, for tests and diagnostics. */
    Duration ttlOf(String txId) {
        Long ms = redis.sync().pttl(prefix + txId);
        return ms == null || ms < 0 ? Duration.ZERO : Duration.ofMillis(ms);
    }
}
