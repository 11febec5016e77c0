package com.patientpayments.bff.console;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import com.patientpayments.bff.receipt.ReceiptDownloadTokens;
import com.patientpayments.bff.receipt.ReceiptSettings;
import com.patientpayments.bff.redis.RedisStore;
import com.patientpayments.bff.redis.RedisUnavailableException;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One-time links to files the console exported (payments CSV, statement-links ZIP): the file is built when asked,
 * kept in Redis for {@code payments.receipt.download-ttl} under a random 256-bit token and served once
 * ({@code GETDEL}) by {@code web.ConsoleFilesController}.
 */
@Singleton
public class ConsoleDownloads {
    /** Public path of the download endpoint; the token follows it. */
    public static final String PATH = "/console-files/download/";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final RedisStore redis;
    private final ReceiptSettings props;
    private final SecureRandom random = new SecureRandom();

    public ConsoleDownloads(RedisStore redis, ReceiptSettings props) {
        this.redis = redis;
        this.props = props;
    }

    /** A stored file: its name, content type and bytes. */
    public record File(String name, String contentType, byte[] bytes) {}

    /** Stores {@code file} and answers its one-time link. */
    public ReceiptDownloadTokens.Link issue(File file) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String value = file.name() + "|" + file.contentType() + "|"
                + Base64.getEncoder().encodeToString(file.bytes());
        try {
            redis.set(key(token), value, props.downloadTtl());
        } catch (RedisUnavailableException e) {
            throw new PaymentsException(ErrorCode.UPSTREAM_UNAVAILABLE, "Exports are temporarily unavailable.");
        }
        return new ReceiptDownloadTokens.Link(PATH + token, Instant.now().plus(props.downloadTtl()));
    }

    /** The file of an unused, unexpired token, deleting it; empty otherwise. */
    public Optional<File> redeem(@Nullable String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        String value = redis.run(c -> c.getdel(redis.key(key(token))));
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split("\\|", 3);
        return Optional.of(new File(parts[0], parts[1], Base64.getDecoder().decode(parts[2])));
    }

    private static String key(String token) {
        return "console-download:" + token;
    }
}
