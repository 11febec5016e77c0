package com.patientpayments.bff.console;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import com.patientpayments.bff.graphql.GraphQLRequestContext;
import com.patientpayments.bff.redis.RedisStore;
import com.patientpayments.bff.redis.RedisUnavailableException;
import com.patientpayments.bff.session.SessionSettings;
import graphql.schema.DataFetchingEnvironment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The staff session: an opaque random token (256 bits) in its own HttpOnly, SameSite=Strict cookie
 * ({@link StaffSettings#cookieName()}); Redis holds {@code staff-session:<sha256(token)>} → staff id with a TTL of
 * {@link StaffSettings#idleTimeout()}, renewed by every request that uses it (sliding idle expiry). Sign-out deletes
 * the key. The patient's session cookie is never read here, and this cookie is never read by patient fields.
 *
 * <p>While Redis is down no staff session can be read or started: staff fields answer {@code UPSTREAM_UNAVAILABLE}.
 */
@Singleton
public class StaffSessions {
    private static final String RESOLVED = "pp.staff.session";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final RedisStore redis;
    private final StaffSettings settings;
    private final boolean secure;
    private final SecureRandom random = new SecureRandom();

    public StaffSessions(RedisStore redis, StaffSettings settings, SessionSettings session) {
        this.redis = redis;
        this.settings = settings;
        this.secure = session.cookieSecure();
    }

    /** The staff id of this request's staff session, renewing its idle expiry; empty without one. */
    public Optional<String> staffId(DataFetchingEnvironment env) {
        return GraphQLRequestContext.computeIfAbsent(env, RESOLVED, () -> resolve(GraphQLRequestContext.request(env)));
    }

    /** The staff id of a plain HTTP request's staff session (file downloads), renewing it; empty without one. */
    public Optional<String> staffId(HttpRequest<?> request) {
        return resolve(request);
    }

    /** Starts a session for {@code staffId}: a fresh token (any previous one of this browser is ended). */
    public void start(DataFetchingEnvironment env, String staffId) {
        end(env);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            redis.set(key(token), staffId, settings.idleTimeout());
        } catch (RedisUnavailableException e) {
            throw unavailable();
        }
        GraphQLRequestContext.response(env).cookie(cookie(token));
        env.getGraphQlContext().put(RESOLVED, Optional.of(staffId));
    }

    /** Ends this request's staff session (if any) on the server and clears the cookie. */
    public void end(DataFetchingEnvironment env) {
        HttpRequest<?> request = GraphQLRequestContext.request(env);
        token(request).ifPresent(t -> {
            try {
                redis.delete(key(t));
            } catch (RedisUnavailableException e) {
                throw unavailable();
            }
        });
        MutableHttpResponse<?> response = GraphQLRequestContext.response(env);
        if (request != null
                && request.getCookies().findCookie(settings.cookieName()).isPresent()) {
            response.cookie(cookie("").maxAge(0));
        }
        env.getGraphQlContext().put(RESOLVED, Optional.empty());
    }

    private Optional<String> resolve(HttpRequest<?> request) {
        Optional<String> token = token(request);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        try {
            String key = redis.key(key(token.get()));
            // GETEX: read and slide the idle expiry in one command.
            String staff = redis.run(c -> c.getex(
                    key,
                    io.lettuce.core.GetExArgs.Builder.px(settings.idleTimeout().toMillis())));
            return Optional.ofNullable(staff);
        } catch (RedisUnavailableException e) {
            throw unavailable();
        }
    }

    private Optional<String> token(HttpRequest<?> request) {
        if (request == null) {
            return Optional.empty();
        }
        return request.getCookies()
                .findCookie(settings.cookieName())
                .map(Cookie::getValue)
                .filter(v -> TOKEN.matcher(v).matches());
    }

    private Cookie cookie(String value) {
        // No Max-Age: the browser drops it at exit; the server's Redis TTL is the idle expiry.
        return Cookie.of(settings.cookieName(), value)
                .httpOnly(true)
                .secure(secure)
                .sameSite(SameSite.Strict)
                .path("/");
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
