package com.patientpayments.bff.receipt;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One-time download tokens in Redis: 256 random bits, base64url, valid {@code payments.receipt.download-ttl}.
 * Redeeming uses {@code GETDEL}, so a token is served at most once even when two requests race. The stored grant
 * names what may be rendered; the PDF itself is always rebuilt on the server from authoritative data.
 */
@Singleton
public class ReceiptDownloadTokens {

    /** Public path of the download endpoint; the token follows it. */
    public static final String PATH = "/receipts/download/";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final StatefulRedisConnection<String, String> redis;
    private final ReceiptProperties props;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public ReceiptDownloadTokens(StatefulRedisConnection<String, String> redis, ReceiptProperties props) {
        this.redis = redis;
        this.props = props;
        this.clock = Clock.systemUTC();
    }

    /** What a token allows: a household's own receipt, a practice admin's preview of a real or sample receipt. */
    public record Grant(Kind kind, String txId, String ownerId) {
        public enum Kind { HOUSEHOLD, PRACTICE_TX, PRACTICE_SAMPLE }

        String encode() {
            return kind + "|" + (txId == null ? "" : txId) + "|" + ownerId;
        }

        static Grant decode(String value) {
            String[] parts = value.split("\\|", -1);
            return new Grant(Kind.valueOf(parts[0]), parts[1].isEmpty() ? null : parts[1], parts[2]);
        }
    }

    /** A link the holder can use once. */
    public record Link(String url, Instant expiresAt) {
    }

    public Link issue(Grant grant) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        redis.sync().set(key(token), grant.encode(), SetArgs.Builder.px(props.downloadTtl().toMillis()));
        return new Link(PATH + token, clock.instant().plus(props.downloadTtl()));
    }

    /** The grant of an unused, unexpired token, deleting it atomically; empty otherwise (malformed included). */
    public Optional<Grant> redeem(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        String value = redis.sync().getdel(key(token));
        return value == null ? Optional.empty() : Optional.of(Grant.decode(value));
    }

    private String key(String token) {
        return props.keyPrefix() + "receipt-download:" + token;
    }
}
