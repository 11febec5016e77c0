package com.patientpayments.bff.session;

import com.patientpayments.bff.redis.RedisStore;
import com.patientpayments.bff.redis.RedisUnavailableException;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions ended by sign-out before their token expires. Kept in Redis (shared by all instances) and always also in
 * this instance's memory, so a sign-out holds here even while Redis is down.
 */
@Singleton
public class RevokedSessions {

    private final RedisStore redis;
    private final Duration keep;
    private final Map<String, Instant> local = new ConcurrentHashMap<>();

    public RevokedSessions(RedisStore redis, SessionSettings settings) {
        this.redis = redis;
        this.keep = settings.absoluteTimeout();
    }

    public void revoke(String sessionId) {
        Instant now = Instant.now();
        local.values().removeIf(until -> until.isBefore(now));
        local.put(sessionId, now.plus(keep));
        try {
            redis.set("session:revoked:" + sessionId, "1", keep);
        } catch (RedisUnavailableException e) {
            // Held locally; other instances learn of it when their token check reaches Redis again.
        }
    }

    public boolean isRevoked(String sessionId) {
        if (local.containsKey(sessionId)) {
            return true;
        }
        try {
            return redis.get("session:revoked:" + sessionId).isPresent();
        } catch (RedisUnavailableException e) {
            return false;
        }
    }
}
