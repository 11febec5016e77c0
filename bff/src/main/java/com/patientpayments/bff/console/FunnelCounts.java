package com.patientpayments.bff.console;

import com.patientpayments.bff.emr.ConsoleEmr;
import com.patientpayments.bff.emr.EmrOutcome;
import com.patientpayments.bff.observability.FunnelStepReached;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persists the patient funnel's daily counts in the connector (the console's ROI funnel), off the request path and in
 * batches: each step reached adds one to an in-memory count per practice and step, and once a second (and when the
 * BFF stops) each non-zero count goes to the connector as one {@code POST /api/v1/console/funnel} with its
 * {@code count}. Before, every sign-in made its own connector call and upsert of the same daily row (one row lock
 * per practice and day taken at the sign-in rate). A count that cannot be written is dropped and logged by step only
 * (counts are analytics, not money); a BFF that is killed loses at most the last second's counts.
 *
 * <p>The connector client is resolved at the first flush that has something to write: the first tick comes a second
 * after the context starts, and creating the client there (HTTP clients, TLS context) took the CPU from the BFF's own
 * start-up before its first readiness answer (JFR, issue 16).
 */
@Singleton
public class FunnelCounts implements ApplicationEventListener<FunnelStepReached> {
    private static final Logger LOG = LoggerFactory.getLogger(FunnelCounts.class);
    private final BeanProvider<ConsoleEmr> emr;
    private final Map<Key, Long> pending = new ConcurrentHashMap<>();

    private record Key(String practiceHash, String step) {}

    public FunnelCounts(BeanProvider<ConsoleEmr> emr) {
        this.emr = emr;
    }

    @Override
    public void onApplicationEvent(FunnelStepReached event) {
        count(event.step(), event.practiceHash());
    }

    /**
     * Counts one step ({@code LANDING}, {@code SIGNED_IN}, {@code PAYMENT_STARTED}, {@code PAYMENT_COMPLETED}) of the
     * practice with this public hash; written at the next {@link #flush()}.
     */
    public void count(String step, String practiceHash) {
        pending.merge(new Key(practiceHash, step), 1L, Long::sum);
    }

    /**
     * The BFF is stopping: writes what is pending while the connector client is still open (a {@code @PreDestroy}
     * runs after the HTTP client has been closed).
     */
    @EventListener
    void onShutdown(ShutdownEvent event) {
        flush();
    }

    /**
     * Writes every pending count to the connector (one call per practice and step) and forgets it. A count added while
     * this runs is kept for the next flush: each key's count is taken with one atomic remove.
     */
    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        // Resolved before any count is taken: a client that cannot be created leaves every count pending.
        ConsoleEmr client = emr.get();
        for (Key key : pending.keySet()) {
            Long n = pending.remove(key);
            if (n == null) {
                continue;
            }
            EmrOutcome<Void> r = client.funnel(key.practiceHash(), key.step(), n);
            if (!(r instanceof EmrOutcome.Found<Void>)) {
                LOG.warn("funnel counts not written ({} x{}, {})", key.step(), n, r.label());
            }
        }
    }
}
