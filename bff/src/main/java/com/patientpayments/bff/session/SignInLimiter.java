package com.patientpayments.bff.session;

import com.patientpayments.bff.redis.RedisStore;
import com.patientpayments.bff.redis.RedisUnavailableException;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per account and per client address in Redis (shared by all instances). When Redis cannot be
 * reached it counts in this instance's memory instead: the limiter never fails open. Keys are SHA-256 digests, so no
 * account number or address is stored in clear.
 */
@Singleton
public class SignInLimiter {

    private final RedisStore redis;
    private final SignInSettings settings;
    private final Map<String, Window> local = new ConcurrentHashMap<>();

    public SignInLimiter(RedisStore redis, SignInSettings settings) {
        this.redis = redis;
        this.settings = settings;
    }

    /** True when this account or this address has used up its failures. */
    public boolean blocked(String accountKey, String clientAddress) {
        String account = accountKey(accountKey);
        String client = clientKey(clientAddress);
        long accountFailures;
        long clientFailures;
        try {
            List<Optional<String>> counts = redis.getAll(account, client); // one round trip
            accountFailures = counts.get(0).map(Long::parseLong).orElse(0L);
            clientFailures = counts.get(1).map(Long::parseLong).orElse(0L);
        } catch (RedisUnavailableException e) {
            accountFailures = localCount(account);
            clientFailures = localCount(client);
        }
        return accountFailures >= settings.maxAccountFailures() || clientFailures >= settings.maxClientFailures();
    }

    /** Records one failed attempt against both the account and the address. */
    public void recordFailure(String accountKey, String clientAddress) {
        increment(accountKey(accountKey));
        increment(clientKey(clientAddress));
    }

    private long localCount(String key) {
        Window w = local.get(key);
        return w == null ? 0 : w.count(System.nanoTime());
    }

    private void increment(String key) {
        try {
            redis.increment(key, settings.window());
        } catch (RedisUnavailableException e) {
            long now = System.nanoTime();
            local.values().removeIf(w -> w.expired(now));
            local.compute(key, (k, w) -> (w == null || w.expired(now))
                    ? new Window(now + settings.window().toNanos(), 1) : new Window(w.endsAt, w.count + 1));
        }
    }

    private static String accountKey(String account) {
        return "signin:acct:" + digest(account);
    }

    private static String clientKey(String address) {
        return "signin:addr:" + digest(address);
    }

    private static String digest(String value) {
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

        long count(long now) {
            return expired(now) ? 0 : count;
        }
    }
}
