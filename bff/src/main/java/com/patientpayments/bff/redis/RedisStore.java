package com.patientpayments.bff.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BFF's one Redis connection, opened lazily so that the BFF starts and keeps serving reads while Redis is down.
 * Every operation either answers within {@link RedisSettings#commandTimeout()} or throws
 * {@link RedisUnavailableException}; callers decide the fallback. Keys are given without the configured prefix.
 */
@Singleton
public class RedisStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisStore.class);

    private final RedisSettings settings;
    private final RedisClient client;
    /** Null until the first successful connect (and while Redis has never answered). */
    private volatile @Nullable StatefulRedisConnection<String, String> connection;

    private volatile long nextAttemptNanos;

    /**
     * @param settings key prefix, command timeout, reconnect interval
     * @param client   micronaut-redis-lettuce's client bean ({@code redis.uri}, which {@code application.yml} sets to
     *                 {@code payments.redis.uri}); it is closed by its factory, this class closes only its connection
     */
    public RedisStore(RedisSettings settings, RedisClient client) {
        this.settings = settings;
        this.client = client;
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(settings.commandTimeout())
                        .build())
                .build());
    }

    /** The full key for a feature key. */
    public String key(String key) {
        return settings.keyPrefix() + key;
    }

    public Optional<String> get(String key) {
        return run(c -> Optional.ofNullable(c.get(key(key))));
    }

    /** Several values in one round trip, in the order of {@code keys} (empty where absent). */
    public List<Optional<String>> getAll(String... keys) {
        String[] full = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            full[i] = key(keys[i]);
        }
        return run(c -> c.mget(full).stream()
                .map(kv -> kv.hasValue() ? Optional.of(kv.getValue()) : Optional.<String>empty())
                .toList());
    }

    public void set(String key, String value, Duration ttl) {
        run(c -> c.set(key(key), value, SetArgs.Builder.px(ttl.toMillis())));
    }

    /** Sets only when absent; true when this call set it (one-time tokens, idempotency). */
    public boolean setIfAbsent(String key, String value, Duration ttl) {
        return run(c -> "OK".equals(c.set(key(key), value, SetArgs.Builder.nx().px(ttl.toMillis()))));
    }

    public void delete(String key) {
        run(c -> c.del(key(key)));
    }

    /** Increments a counter; the first increment starts its time window. Returns the new count. */
    public long increment(String key, Duration window) {
        return run(c -> {
            String k = key(key);
            long n = c.incr(k);
            if (n == 1) {
                c.pexpire(k, window.toMillis());
            }
            return n;
        });
    }

    /** Runs any command (keys must be built with {@link #key(String)}). */
    public <T> T run(Function<RedisCommands<String, String>, T> command) {
        try {
            return command.apply(connection().sync());
        } catch (RedisUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RedisUnavailableException(e);
        }
    }

    private StatefulRedisConnection<String, String> connection() {
        StatefulRedisConnection<String, String> c = connection;
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (connection != null) {
                return connection;
            }
            if (System.nanoTime() < nextAttemptNanos) {
                throw new RedisUnavailableException(null);
            }
            try {
                connection = client.connect(StringCodec.UTF8);
                connection.setTimeout(settings.commandTimeout());
                return connection;
            } catch (RuntimeException e) {
                nextAttemptNanos = System.nanoTime() + settings.retryInterval().toNanos();
                LOG.warn("redis unreachable; falling back until it is back");
                throw new RedisUnavailableException(e);
            }
        }
    }

    @PreDestroy
    void close() {
        StatefulRedisConnection<String, String> c = connection;
        if (c != null) {
            c.close();
        }
    }
}
