package com.patientpayments.bff.receipt;

import com.patientpayments.bff.household.CacheSettings;
import com.patientpayments.bff.redis.RedisStore;
import com.patientpayments.bff.redis.RedisUnavailableException;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receipt payload cache: JSON of {@link ReceiptView} in Redis under {@code receipt:<txId>} (after the
 * {@code payments.redis.key-prefix}), kept {@code payments.cache.receipt-ttl} (30 minutes). A cache only: the
 * connector stays authoritative; a missing, expired or unreadable entry, or Redis being down, means "rebuild from the
 * connector". Blocking: call off the event loop.
 */
@Singleton
public class ReceiptCache {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptCache.class);

    private static final String PREFIX = "receipt:";

    private final RedisStore redis;
    private final ObjectMapper json;
    private final Duration ttl;

    public ReceiptCache(RedisStore redis, ObjectMapper json, CacheSettings cache) {
        this.redis = redis;
        this.json = json;
        this.ttl = cache.receiptTtl();
    }

    /** Stores (or replaces) the payload of {@code txId} for the cache TTL. */
    public void put(String txId, ReceiptView payload) {
        try {
            redis.set(PREFIX + txId, json.writeValueAsString(payload), ttl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RedisUnavailableException e) {
            LOG.warn("receipt cache unavailable; the payload will be rebuilt from the connector when needed");
        }
    }

    /** The cached payload, or empty when missing, expired or unreadable (an older format after a deploy). */
    public Optional<ReceiptView> get(String txId) {
        String value;
        try {
            value = redis.get(PREFIX + txId).orElse(null);
        } catch (RedisUnavailableException e) {
            return Optional.empty();
        }
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(value, ReceiptView.class));
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "receipt cache entry unreadable; rebuilding from the connector ({})",
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** Remaining time to live of the entry, for tests and diagnostics. */
    Duration ttlOf(String txId) {
        Long ms = redis.run(c -> c.pttl(redis.key(PREFIX + txId)));
        return ms == null || ms < 0 ? Duration.ZERO : Duration.ofMillis(ms);
    }
}
