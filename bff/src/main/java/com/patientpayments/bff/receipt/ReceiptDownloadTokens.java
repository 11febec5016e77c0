package com.patientpayments.bff.receipt;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import com.patientpayments.bff.redis.RedisStore;
import com.patientpayments.bff.redis.RedisUnavailableException;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

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

    private final RedisStore redis;
    private final ReceiptSettings props;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public ReceiptDownloadTokens(RedisStore redis, ReceiptSettings props) {
        this.redis = redis;
        this.props = props;
        this.clock = Clock.systemUTC();
    }

    /**
     * What a token allows: a household's own receipt, a practice admin's preview of a real or sample receipt; and the
     * language to render it in ({@code en}, {@code es}).
     */
    public record Grant(Kind kind, @Nullable String txId, String ownerId, String locale) {
        /**
         * A household's own receipt; a practice's real or sample receipt with the published branding; or the same
         * with the draft branding texts (the console's preview).
         */
        public enum Kind {
            HOUSEHOLD,
            PRACTICE_TX,
            PRACTICE_SAMPLE,
            DRAFT_TX,
            DRAFT_SAMPLE
        }

        public Grant {
            locale = locale == null ? ReceiptLocale.DEFAULT : locale;
        }

        /** A grant for an English receipt. */
        public Grant(Kind kind, @Nullable String txId, String ownerId) {
            this(kind, txId, ownerId, ReceiptLocale.DEFAULT);
        }

        /** The transaction of a {@code *_TX} or {@code HOUSEHOLD} grant; the sample kinds have none. */
        public String requireTxId() {
            if (txId == null) {
                throw new IllegalStateException(kind + " grant has no transaction");
            }
            return txId;
        }

        String encode() {
            return kind + "|" + (txId == null ? "" : txId) + "|" + ownerId + "|" + locale;
        }

        static Grant decode(String value) {
            String[] parts = value.split("\\|", -1);
            return new Grant(
                    Kind.valueOf(parts[0]),
                    parts[1].isEmpty() ? null : parts[1],
                    parts[2],
                    parts.length > 3 ? parts[3] : ReceiptLocale.DEFAULT);
        }
    }

    /** A link the holder can use once. */
    public record Link(String url, Instant expiresAt) {}

    public Link issue(Grant grant) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            redis.set(key(token), grant.encode(), props.downloadTtl());
        } catch (RedisUnavailableException e) {
            throw new PaymentsException(
                    ErrorCode.UPSTREAM_UNAVAILABLE,
                    "Downloads are temporarily unavailable. Please try again in a moment, or print the receipt.");
        }
        return new Link(PATH + token, clock.instant().plus(props.downloadTtl()));
    }

    /** The grant of an unused, unexpired token, deleting it atomically; empty otherwise (malformed included). */
    public Optional<Grant> redeem(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        String value;
        try {
            value = redis.run(c -> c.getdel(redis.key(key(token))));
        } catch (RedisUnavailableException e) {
            throw new PaymentsException(
                    ErrorCode.UPSTREAM_UNAVAILABLE,
                    "Downloads are temporarily unavailable. Please try again in a moment.");
        }
        return value == null ? Optional.empty() : Optional.of(Grant.decode(value));
    }

    private String key(String token) {
        return "receipt-download:" + token;
    }
}
