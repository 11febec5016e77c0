package com.patientpayments.bff.reconciliation;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The job that posts provider payments the ledger lacks (a lost webhook).
 *
 * @param enabled           whether the scheduled run is on (the command works either way); default true
 * @param interval          time between scheduled runs; set in {@code application.yml} (15 minutes), which the
 *                          scheduled run's annotation and {@code infra/} read
 * @param window            how far back each scheduled run looks; default 2 days
 * @param connectedAccounts Stripe connected accounts to scan besides the platform account (direct charges live
 *                          there); default none
 */
@ConfigurationProperties("payments.reconciliation")
public record ReconciliationSettings(
        @Bindable(defaultValue = "true") boolean enabled,
        Duration interval,
        @Bindable(defaultValue = "2d") Duration window,
        @Nullable List<String> connectedAccounts) {

    public ReconciliationSettings {
        Objects.requireNonNull(interval, "payments.reconciliation.interval");
        Objects.requireNonNull(window, "payments.reconciliation.window");
        connectedAccounts = connectedAccounts == null
                ? List.of()
                : connectedAccounts.stream()
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
