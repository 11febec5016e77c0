package com.patientpayments.bff.email;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import com.patientpayments.bff.receipt.ReceiptLocale;
import com.patientpayments.bff.receipt.ReceiptService;
import com.patientpayments.bff.redis.RedisStore;
import com.patientpayments.bff.redis.RedisUnavailableException;
import com.patientpayments.bff.session.PatientSession;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code emailReceipt}: validates the address, rate-limits per session ({@code payments.email.per-session-hour} per
 * hour, counted in Redis), checks the receipt belongs to the session's household and queues the email. Blocking.
 */
@Singleton
public class EmailReceiptService {

    private static final Pattern ADDRESS =
            Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.[A-Za-z]{2,63}");

    private final ReceiptService receipts;
    private final ReceiptEmailSender sender;
    private final RedisStore redis;
    private final EmailSettings props;
    private final MeterRegistry registry;

    public EmailReceiptService(
            ReceiptService receipts,
            ReceiptEmailSender sender,
            RedisStore redis,
            EmailSettings props,
            MeterRegistry registry) {
        this.receipts = receipts;
        this.sender = sender;
        this.redis = redis;
        this.props = props;
        this.registry = registry;
    }

    /** A household may send this many times the per-session limit per hour, across all its sessions. */
    static final int HOUSEHOLD_FACTOR = 3;

    /** Queues the email in English; returns once it is accepted for background sending. */
    public void queue(PatientSession session, String txId, String email) {
        queue(session, txId, email, ReceiptLocale.DEFAULT);
    }

    /** Queues the email in {@code locale} ({@code en}, {@code es}); returns once it is accepted for sending. */
    public void queue(PatientSession session, String txId, String email, String locale) {
        String address = validAddress(email);
        ReceiptService.requireValidId(txId);
        long used;
        long usedByHousehold;
        try {
            used = redis.increment("ratelimit:email:" + session.sessionId(), Duration.ofHours(1));
            // Signing in again gives a new session, so the household has a (looser) limit of its own.
            usedByHousehold =
                    redis.increment("ratelimit:email:household:" + session.householdId(), Duration.ofHours(1));
        } catch (RedisUnavailableException e) {
            throw new PaymentsException(
                    ErrorCode.UPSTREAM_UNAVAILABLE,
                    "Email is temporarily unavailable. Please try again in a moment, or download the receipt.");
        }
        if (used > props.perSessionHour() || usedByHousehold > (long) HOUSEHOLD_FACTOR * props.perSessionHour()) {
            registry.counter("receipt.emails", "outcome", "rate_limited").increment();
            throw new PaymentsException(
                    ErrorCode.RATE_LIMITED,
                    "You have emailed this receipt several times already. Please try again later.");
        }
        receipts.forHousehold(session.householdId(), txId);
        sender.submit(
                new ReceiptEmailSender.Job(UUID.randomUUID().toString(), session.householdId(), txId, address, locale));
        registry.counter("receipt.emails", "outcome", "queued").increment();
    }

    static String validAddress(String email) {
        String trimmed = email == null ? "" : email.trim();
        if (trimmed.isEmpty()
                || trimmed.length() > 254
                || !ADDRESS.matcher(trimmed).matches()) {
            throw invalid();
        }
        try {
            new InternetAddress(trimmed, true).validate();
        } catch (AddressException e) {
            throw invalid();
        }
        return trimmed;
    }

    private static PaymentsException invalid() {
        return new PaymentsException(
                ErrorCode.BAD_USER_INPUT, "Please enter a valid email address, like name@example.com.");
    }
}
