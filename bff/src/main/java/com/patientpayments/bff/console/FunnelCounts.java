package com.patientpayments.bff.console;

import com.patientpayments.bff.emr.ConsoleEmr;
import com.patientpayments.bff.emr.EmrOutcome;
import com.patientpayments.bff.observability.FunnelStepReached;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persists the patient funnel's daily counts in the connector (the console's ROI funnel), off the request thread:
 * a count that cannot be written is dropped and logged by step only (counts are analytics, not money).
 */
@Singleton
public class FunnelCounts implements ApplicationEventListener<FunnelStepReached> {
    private static final Logger LOG = LoggerFactory.getLogger(FunnelCounts.class);
    private final ConsoleEmr emr;
    private final ExecutorService executor;

    public FunnelCounts(ConsoleEmr emr, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.emr = emr;
        this.executor = executor;
    }

    @Override
    public void onApplicationEvent(FunnelStepReached event) {
        count(event.step(), event.practiceHash());
    }

    /** Counts one step ({@code LANDING}, {@code SIGNED_IN}, {@code PAYMENT_STARTED}, {@code PAYMENT_COMPLETED}). */
    public void count(String step, String practiceHash) {
        try {
            executor.execute(() -> {
                EmrOutcome<Void> r = emr.funnel(practiceHash, step);
                if (!(r instanceof EmrOutcome.Found<Void>)) {
                    LOG.warn("funnel count not written ({}, {})", step, r.label());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("funnel count dropped ({})", step);
        }
    }
}
