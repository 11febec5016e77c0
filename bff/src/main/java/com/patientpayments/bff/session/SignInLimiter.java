package com.patientpayments.bff.session;

import com.patientpayments.bff.ratelimit.AttemptLimiter;
import com.patientpayments.bff.ratelimit.Limit;
import com.patientpayments.bff.ratelimit.Reservation;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Sign-in guesses per account and per client address ({@link SignInSettings}), reserved <em>before</em> the connector
 * checks them: at most {@code maxAccountFailures} guesses per account and {@code maxClientFailures} per address are
 * ever checked per window, however many arrive at once and on however many BFF instances (shared Redis buckets; this
 * instance's memory while Redis is down). A successful sign-in gives its reservation back, so only failures (and
 * attempts in flight) count.
 */
@Singleton
public class SignInLimiter {

    private final AttemptLimiter limiter;
    private final Limit perAccount;
    private final Limit perAddress;

    public SignInLimiter(AttemptLimiter limiter, SignInSettings settings) {
        this.limiter = limiter;
        this.perAccount = new Limit("signin-account", settings.maxAccountFailures(), settings.window());
        this.perAddress = new Limit("signin-address", settings.maxClientFailures(), settings.window());
    }

    /**
     * Reserves one guess for this account (practice hash + account number) and this client address; not granted when
     * either has used up its window.
     */
    public Reservation reserve(String accountKey, String clientAddress) {
        return limiter.reserve(List.of(perAccount.of(accountKey), perAddress.of(clientAddress)));
    }
}
