package com.patientpayments.bff.reconciliation;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@link Reconciliation} every {@code payments.reconciliation.interval} over the trailing window. */
@Singleton
@Requires(property = "payments.reconciliation.enabled", notEquals = "false")
public class ReconciliationJob {

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationJob.class);

    private final Reconciliation reconciliation;
    private final ReconciliationSettings properties;
    private final ApplicationEventPublisher<ReconciliationCompleted> runs;

    /** @param runs where each run is published ({@link ReconciliationCompleted}: the console's operations view) */
    public ReconciliationJob(
            Reconciliation reconciliation,
            ReconciliationSettings properties,
            ApplicationEventPublisher<ReconciliationCompleted> runs) {
        this.reconciliation = reconciliation;
        this.properties = properties;
        this.runs = runs;
    }

    @Scheduled(fixedDelay = "${payments.reconciliation.interval}", initialDelay = "1m")
    void scheduled() {
        Instant now = Instant.now();
        try {
            Reconciliation.Report report = reconciliation.run(now.minus(properties.window()), now);
            runs.publishEvent(new ReconciliationCompleted(now, report));
        } catch (RuntimeException e) {
            LOG.warn(
                    "Reconciliation run failed ({}); next run retries",
                    e.getClass().getSimpleName());
        }
    }
}
