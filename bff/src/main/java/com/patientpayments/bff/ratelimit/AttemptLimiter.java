package com.patientpayments.bff.ratelimit;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import com.patientpayments.bff.redis.RedisStore;
import com.patientpayments.bff.redis.RedisUnavailableException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.ScriptOutputType;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reserve-first rate limiting shared by every BFF instance: an attempt is counted against all its limits
 * <em>before</em> the guarded work runs, in one atomic Redis script (check every counter, then {@code INCR} each and
 * start its window with {@code PEXPIRE}), so however many requests arrive at once, on however many instances, at most
 * {@code capacity} per window ever reach the connector. A refused attempt does no work at all and counts nowhere.
 *
 * <p>Why a script of our own and not Bucket4j (bucket4j-lettuce, on the mirror, was tried first): its Redis support is
 * optimistic compare-and-swap only (GET, then a CAS script, retried on conflict). Fifty simultaneous guesses on one
 * account made each request retry past the Redis time budget, so every instance fell back to its own memory and two
 * instances together checked twice the limit; it also cannot reserve two limits (account and address) atomically.
 * One {@code EVAL} does both in one round trip with no retries.
 *
 * <p>When Redis cannot be reached the same counters are kept in this instance's memory: the limiter never fails open
 * (with N instances and Redis down, an attacker who spreads requests over all of them gets at most N × capacity).
 * A command that times out is different — Redis may have counted it — so that attempt is refused rather than counted
 * a second time in memory.
 * Keys are SHA-256 digests of the subject, so no account number or address is stored in clear. The keys of one
 * reservation are used in one script: with Redis Cluster they would need one hash slot (ElastiCache in non-cluster
 * mode, as deployed, has no such constraint).
 */
@Singleton
public class AttemptLimiter {

    /** KEYS: counters; ARGV[i]: capacity of KEYS[i]; ARGV[#KEYS + i]: its window in ms. 1 = reserved, 0 = refused. */
    static final String RESERVE = """
            for i, key in ipairs(KEYS) do
              if tonumber(redis.call('GET', key) or '0') >= tonumber(ARGV[i]) then return 0 end
            end
            for i, key in ipairs(KEYS) do
              if redis.call('INCR', key) == 1 then redis.call('PEXPIRE', key, ARGV[#KEYS + i]) end
            end
            return 1""";

    /** KEYS: counters to give one attempt back to (never below zero; an expired window stays gone). */
    static final String RELEASE = """
            for _, key in ipairs(KEYS) do
              if tonumber(redis.call('GET', key) or '0') > 0 then redis.call('DECR', key) end
            end
            return 1""";

    private final RedisStore redis;
    private final RateLimitSettings settings;
    /** The fallback counters while Redis is unreachable; check-then-count happens under the limiter's lock. */
    @GuardedBy("this")
    private final Map<String, Window> local = new ConcurrentHashMap<>();

    public AttemptLimiter(RedisStore redis, RateLimitSettings settings) {
        this.redis = redis;
        this.settings = settings;
    }

    /**
     * Counts one attempt against every given limit, all or nothing: when one limit is used up, none is counted and
     * the reservation is not {@link Reservation#granted() granted}.
     */
    public Reservation reserve(List<Limit.Subject> subjects) {
        String[] keys = new String[subjects.size()];
        String[] args = new String[subjects.size() * 2];
        for (int i = 0; i < keys.length; i++) {
            Limit limit = subjects.get(i).limit();
            keys[i] = redis.key(
                    "ratelimit:" + limit.name() + ":" + digest(subjects.get(i).subject()));
            args[i] = Integer.toString(limit.capacity());
            args[keys.length + i] = Long.toString(limit.window().toMillis());
        }
        try {
            Long reserved = redis.run(c -> c.<Long>eval(RESERVE, ScriptOutputType.INTEGER, keys, args));
            return reserved != null && reserved == 1 ? new Granted(keys, false) : Refused.INSTANCE;
        } catch (RedisUnavailableException e) {
            if (e.getCause() instanceof RedisCommandTimeoutException) {
                // Redis is there but slow: the script may have run (and counted) or not. Counting again in memory
                // would add a second allowance beside Redis's, so this attempt is refused instead (fail closed).
                return Refused.INSTANCE;
            }
            return reserveLocally(subjects, keys) ? new Granted(keys, true) : Refused.INSTANCE;
        }
    }

    /** {@link #reserve(List)} for one limit. */
    public Reservation reserve(Limit.Subject subject) {
        return reserve(List.of(subject));
    }

    private synchronized boolean reserveLocally(List<Limit.Subject> subjects, String[] keys) {
        long now = System.nanoTime();
        if (local.size() >= settings.maxLocalSubjects()) {
            local.values().removeIf(w -> w.expired(now));
        }
        for (int i = 0; i < keys.length; i++) {
            Window w = local.get(keys[i]);
            if (w != null
                    && !w.expired(now)
                    && w.count >= subjects.get(i).limit().capacity()) {
                return false;
            }
        }
        for (int i = 0; i < keys.length; i++) {
            long windowNanos = subjects.get(i).limit().window().toNanos();
            local.compute(
                    keys[i],
                    (k, w) -> w == null || w.expired(now)
                            ? new Window(now + windowNanos, 1)
                            : new Window(w.endsAt, w.count + 1));
        }
        return true;
    }

    private synchronized void releaseLocally(String[] keys) {
        long now = System.nanoTime();
        for (String key : keys) {
            local.computeIfPresent(
                    key, (k, w) -> w.expired(now) || w.count <= 0 ? w : new Window(w.endsAt, w.count - 1));
        }
    }

    private void release(String[] keys, boolean locally) {
        if (locally) {
            releaseLocally(keys);
            return;
        }
        try {
            redis.run(c -> c.<Long>eval(RELEASE, ScriptOutputType.INTEGER, keys));
        } catch (RedisUnavailableException e) {
            // Redis went away meanwhile: the attempt stays counted, which errs on the safe side.
        }
    }

    static String digest(String value) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Window(long endsAt, long count) {
        boolean expired(long now) {
            return now >= endsAt;
        }
    }

    private final class Granted implements Reservation {
        private final String[] keys;
        private final boolean locally;

        @GuardedBy("this")
        private boolean released;

        Granted(String[] keys, boolean locally) {
            this.keys = keys;
            this.locally = locally;
        }

        @Override
        public boolean granted() {
            return true;
        }

        @Override
        public void release() {
            synchronized (this) {
                if (released) {
                    return;
                }
                released = true;
            }
            AttemptLimiter.this.release(keys, locally);
        }
    }

    private enum Refused implements Reservation {
        INSTANCE;

        @Override
        public boolean granted() {
            return false;
        }

        @Override
        public void release() {}
    }
}
