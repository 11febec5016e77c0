package com.patientpayments.bff.console;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import com.patientpayments.bff.redis.RedisStore;
import com.patientpayments.bff.redis.RedisUnavailableException;
import io.lettuce.core.GetExArgs;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The staff session store: an opaque random token (256 bits, base64url, 43 characters); Redis holds
 * {@code staff-session:<sha256(token)>} → staff id with a TTL of {@link StaffSettings#idleTimeout()}, renewed by every
 * read (sliding idle expiry). Ending a session deletes the key. The token travels in its own HttpOnly, SameSite=Strict
 * cookie ({@link StaffSettings#cookieName()}), which the edges read and write ({@code graphql.ConsoleStaffSession},
 * {@code web.ConsoleFilesController}); the patient's session cookie is never read for staff.
 *
 * <p>While Redis is down no staff session can be read or started: {@code UPSTREAM_UNAVAILABLE}.
 */
@Singleton
public class StaffSessions {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final RedisStore redis;
    private final StaffSettings settings;
    private final SecureRandom random = new SecureRandom();

    public StaffSessions(RedisStore redis, StaffSettings settings) {
        this.redis = redis;
        this.settings = settings;
    }

    /** Whether {@code token} has the shape of a session token (anything else is never looked up). */
    public static boolean wellFormed(@Nullable String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    /**
     * The staff id of the session {@code token} names, renewing its idle expiry; empty for no token, a malformed one
     * or an ended/expired session.
     *
     * @throws PaymentsException {@code UPSTREAM_UNAVAILABLE} while Redis is down
     */
    public Optional<String> staffId(@Nullable String token) {
        if (token == null || !wellFormed(token)) {
            return Optional.empty();
        }
        try {
            String key = redis.key(key(token));
            // GETEX: read and slide the idle expiry in one command.
            String staff = redis.run(c ->
                    c.getex(key, GetExArgs.Builder.px(settings.idleTimeout().toMillis())));
            return Optional.ofNullable(staff);
        } catch (RedisUnavailableException e) {
            throw unavailable();
        }
    }

    /**
     * Starts a session for {@code staffId} and answers its fresh token (for the cookie).
     *
     * @throws PaymentsException {@code UPSTREAM_UNAVAILABLE} while Redis is down
     */
    public String start(String staffId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            redis.set(key(token), staffId, settings.idleTimeout());
        } catch (RedisUnavailableException e) {
            throw unavailable();
        }
        return token;
    }

    /**
     * Ends the session {@code token} names, if any (a malformed or absent token: nothing to do).
     *
     * @throws PaymentsException {@code UPSTREAM_UNAVAILABLE} while Redis is down
     */
    public void end(@Nullable String token) {
        if (token == null || !wellFormed(token)) {
            return;
        }
        try {
            redis.delete(key(token));
        } catch (RedisUnavailableException e) {
            throw unavailable();
        }
    }

    private static String key(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return "staff-session:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PaymentsException unavailable() {
        return new PaymentsException(
                ErrorCode.UPSTREAM_UNAVAILABLE,
                "The console is temporarily unavailable. Please try again in a moment.");
    }
}
