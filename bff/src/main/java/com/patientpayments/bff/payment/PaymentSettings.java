package com.patientpayments.bff.payment;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.Objects;

/**
 * How the BFF follows a payment after the card form.
 *
 * @param recentWindow          how far back {@code Household.recentPayments} looks (processing or succeeded payments
 *                              a second tab is warned about); default 5 minutes
 * @param providerRecheckAfter  {@code payment(id)} re-reads the provider once its attempt has been processing (no
 *                              final webhook) for longer than this; default 5 s
 * @param providerRecheckEvery  at most one such re-read per attempt in this interval (a polling page must not call
 *                              the provider on every poll); default 3 s
 */
@ConfigurationProperties("payments.payment")
public record PaymentSettings(
        @Bindable(defaultValue = "5m") Duration recentWindow,
        @Bindable(defaultValue = "5s") Duration providerRecheckAfter,
        @Bindable(defaultValue = "3s") Duration providerRecheckEvery) {

    public PaymentSettings {
        Objects.requireNonNull(recentWindow, "payments.payment.recent-window");
        Objects.requireNonNull(providerRecheckAfter, "payments.payment.provider-recheck-after");
        Objects.requireNonNull(providerRecheckEvery, "payments.payment.provider-recheck-every");
    }
}
