package com.patientpayments.bff.console;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import com.patientpayments.bff.emr.ConsoleDtos;
import com.patientpayments.bff.emr.ConsoleEmr;
import com.patientpayments.bff.emr.ConsoleErrors;
import com.patientpayments.bff.emr.EmrOutcome;
import com.patientpayments.bff.reconciliation.Reconciliation;
import com.patientpayments.bff.reconciliation.ReconciliationCompleted;
import com.patientpayments.bff.webhook.WebhookQueue;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operations views of the vendor's support: webhook queue and dead-letter depth, dead-letter replay, and
 * reconciliation runs (recorded in the connector, so every BFF instance lists the same runs).
 */
@Singleton
public class ConsoleOperationsView implements ApplicationEventListener<ReconciliationCompleted> {
    private final BeanProvider<WebhookQueue> queue;
    private final BeanProvider<Reconciliation> reconciliation;
    private final ConsoleEmr emr;
    private final ConsoleAccess access;

    public ConsoleOperationsView(
            BeanProvider<WebhookQueue> queue,
            BeanProvider<Reconciliation> reconciliation,
            ConsoleEmr emr,
            ConsoleAccess access) {
        this.queue = queue;
        this.reconciliation = reconciliation;
        this.emr = emr;
        this.access = access;
    }

    /**
     * {@code ConsoleOperations} (queue and dead-letter depth, the last reconciliation runs), audited.
     *
     * @throws com.patientpayments.bff.PaymentsException {@code UPSTREAM_UNAVAILABLE} when the queue cannot be read
     */
    public Map<String, Object> view(ConsoleDtos.Staff staff) {
        access.audit(staff.id(), "VIEW_OPERATIONS", null, null, null, null);
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            m.put("deadLetterDepth", (int) queue.get().deadLetterDepth());
            m.put("queueDepth", (int) queue.get().depth());
        } catch (RuntimeException e) {
            throw new PaymentsException(ErrorCode.UPSTREAM_UNAVAILABLE, "The webhook queue cannot be read right now.");
        }
        m.put(
                "reconciliationRuns",
                ConsoleErrors.value(emr.runs(), "Not found.").stream()
                        .map(this::run)
                        .toList());
        return m;
    }

    /** Moves up to {@code max} dead letters back to the queue; audited. */
    public int replay(ConsoleDtos.Staff staff, int max) {
        int moved = queue.get().replayDeadLetters(max);
        access.audit(staff.id(), "DLQ_REPLAY", null, null, null, "moved=" + moved);
        return moved;
    }

    /** Runs reconciliation for {@code [from, to)} now, records and answers the run; audited. */
    public Map<String, Object> reconcile(ConsoleDtos.Staff staff, Instant from, Instant to) {
        Instant started = Instant.now();
        Reconciliation.Report report = reconciliation.get().run(from, to);
        access.audit(
                staff.id(),
                "RECONCILIATION_RUN",
                null,
                null,
                null,
                "repaired=" + report.repairedTransactionIds().size());
        return run(record(started, report));
    }

    @Override
    public void onApplicationEvent(ReconciliationCompleted event) {
        record(event.started(), event.report());
    }

    /** Records a run in the connector (also the scheduled job's); a failure to record loses only the listing. */
    public ConsoleDtos.Run record(Instant started, Reconciliation.Report report) {
        ConsoleDtos.Run run = new ConsoleDtos.Run(
                started.toString(),
                report.from().toString(),
                report.to().toString(),
                report.providerSucceeded(),
                report.repairedTransactionIds().size());
        EmrOutcome<ConsoleDtos.Run> recorded = emr.recordRun(run);
        return recorded.optional().orElse(run);
    }

    private Map<String, Object> run(ConsoleDtos.Run r) {
        return new LinkedHashMap<>(Map.of(
                "startedAt",
                r.startedAt(),
                "from",
                r.from(),
                "to",
                r.to(),
                "checked",
                r.checked(),
                "repaired",
                r.repaired()));
    }
}
