package com.patientpayments.bff.payment;

import com.patientpayments.bff.emr.EmrClient;
import com.patientpayments.bff.emr.EmrOutcome;
import com.patientpayments.contract.PaymentAttempt;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles payment attempts stuck in CREATED/PROCESSING — their final webhook was lost — from the provider's own
 * record, as Kill Bill's incomplete-payment janitor does: every {@link JanitorSettings#interval()} it asks the
 * connector for attempts unchanged for {@link JanitorSettings#minAge()} and lets {@link AttemptSettler} post, fail or
 * leave each with its reason. Reports every attempt it looked at as
 * {@code payments_janitor_attempts_total{result}} and one log line per run with counts and opaque attempt ids only.
 */
@Singleton
@Requires(property = "payments.janitor.enabled", notEquals = "false")
public class AttemptJanitor {

    private static final Logger LOG = LoggerFactory.getLogger(AttemptJanitor.class);

    private final EmrClient emr;
    private final AttemptSettler settler;
    private final JanitorSettings settings;
    private final MeterRegistry meters;

    public AttemptJanitor(EmrClient emr, AttemptSettler settler, JanitorSettings settings, MeterRegistry meters) {
        this.emr = emr;
        this.settler = settler;
        this.settings = settings;
        this.meters = meters;
    }

    /** One run's findings: how many attempts ended in each result, and the ids it repaired (posted or failed). */
    public record Report(Map<AttemptSettler.Result, Integer> results, List<String> repairedAttemptIds) {
        public int count(AttemptSettler.Result result) {
            return results.getOrDefault(result, 0);
        }
    }

    @Scheduled(fixedDelay = "${payments.janitor.interval}", initialDelay = "${payments.janitor.interval}")
    void scheduled() {
        try {
            run(Instant.now());
        } catch (RuntimeException e) {
            LOG.warn(
                    "Janitor run failed ({}); the next run retries",
                    e.getClass().getSimpleName());
        }
    }

    /** Looks at the attempts unchanged since {@code now − minAge}. */
    public Report run(Instant now) {
        EmrOutcome<List<PaymentAttempt>> stale = emr.staleAttempts(now.minus(settings.minAge()), settings.batch());
        Map<AttemptSettler.Result, Integer> results = new EnumMap<>(AttemptSettler.Result.class);
        List<String> repaired = new ArrayList<>();
        if (!(stale instanceof EmrOutcome.Found<List<PaymentAttempt>> found)) {
            LOG.warn("Janitor could not list stale attempts ({})", stale.label());
            return new Report(results, repaired);
        }
        for (PaymentAttempt attempt : found.value()) {
            AttemptSettler.Result result =
                    settler.settle(attempt, settings.abandonAfter(), now).result();
            results.merge(result, 1, Integer::sum);
            if (result.changed()) {
                repaired.add(attempt.id());
            }
            Counter.builder("payments.janitor.attempts")
                    .description("Stale payment attempts the janitor looked at, by what it found")
                    .tag("result", result.name().toLowerCase(Locale.ROOT))
                    .register(meters)
                    .increment();
        }
        if (!found.value().isEmpty()) {
            LOG.info(
                    "Janitor looked at {} stale attempts: {}; repaired {}",
                    found.value().size(),
                    results,
                    repaired);
        }
        return new Report(results, repaired);
    }
}
