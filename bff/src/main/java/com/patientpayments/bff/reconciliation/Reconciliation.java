package com.patientpayments.bff.reconciliation;

import com.patientpayments.bff.emr.EmrClient;
import com.patientpayments.bff.emr.EmrOutcome;
import com.patientpayments.bff.payment.IntentSnapshot;
import com.patientpayments.bff.payment.PaymentPosting;
import com.patientpayments.bff.payment.PaymentProvider;
import com.patientpayments.contract.Transaction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the provider's succeeded intents created in a window with the ledger and posts the missing ones
 * (idempotent by intent id, so a run racing the webhook consumer still posts once). Reports the repaired count as
 * {@code payments_reconciliation_repaired_total} and one log line with counts and opaque ids only (the counts also as
 * the JSON fields {@code repaired} and {@code providerSucceeded}).
 */
@Singleton
public class Reconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);
    private static final Duration MAX_LEDGER_WINDOW = Duration.ofDays(31);

    private final PaymentProvider provider;
    private final EmrClient ledger;
    private final PaymentPosting posting;
    private final ReconciliationSettings properties;
    private final Counter repaired;
    private final Counter runs;

    public Reconciliation(
            PaymentProvider provider,
            EmrClient ledger,
            PaymentPosting posting,
            ReconciliationSettings properties,
            MeterRegistry meters) {
        this.provider = provider;
        this.ledger = ledger;
        this.posting = posting;
        this.properties = properties;
        this.repaired = Counter.builder("payments.reconciliation.repaired")
                .description("Provider payments the ledger lacked, posted by reconciliation")
                .register(meters);
        this.runs = Counter.builder("payments.reconciliation.runs").register(meters);
    }

    /** Reconciles intents created in {@code [from, to)}. */
    public Report run(Instant from, Instant to) {
        List<IntentSnapshot> succeeded = new ArrayList<>(provider.listSucceeded(from, to, null));
        // ReconciliationProperties' constructor turns an absent list into an empty one.
        for (String account : Objects.requireNonNull(properties.connectedAccounts())) {
            succeeded.addAll(provider.listSucceeded(from, to, account));
        }
        Set<String> posted = ledgerReferences(from, to);
        List<String> repairedIds = new ArrayList<>();
        for (IntentSnapshot intent : succeeded) {
            if (posted.contains(intent.id())) {
                continue;
            }
            EmrOutcome<Transaction> result = posting.post(intent, null, null, null);
            if (result instanceof EmrOutcome.Found<Transaction> f) {
                if (f.created()) {
                    repairedIds.add(f.value().id());
                }
            } else {
                // Not ours (no attempt carries the intent) or the connector is down: the next run looks again.
                LOG.warn("Reconciliation could not post an intent ({})", result.label());
            }
        }
        repaired.increment(repairedIds.size());
        runs.increment();
        Report report = new Report(from, to, succeeded.size(), repairedIds);
        // The counts are also JSON fields of the line (SLF4J key-value pairs): the CloudWatch metric filter of the
        // production stack (infra/) reads `repaired` to alarm on repairs, as Prometheus does on the counter.
        LOG.atInfo()
                .addKeyValue("providerSucceeded", report.providerSucceeded())
                .addKeyValue("repaired", repairedIds.size())
                .log(
                        "Reconciliation from={} to={} providerSucceeded={} repaired={} repairedTx={}",
                        from,
                        to,
                        report.providerSucceeded(),
                        repairedIds.size(),
                        repairedIds);
        return report;
    }

    /** Provider references the ledger has for payments around the window (paid-at may trail creation). */
    private Set<String> ledgerReferences(Instant from, Instant to) {
        Set<String> refs = new HashSet<>();
        Instant start = from.minus(Duration.ofDays(1));
        Instant end = to.plus(Duration.ofDays(1));
        for (Instant s = start; s.isBefore(end); s = s.plus(MAX_LEDGER_WINDOW)) {
            Instant e = s.plus(MAX_LEDGER_WINDOW).isBefore(end) ? s.plus(MAX_LEDGER_WINDOW) : end;
            EmrOutcome<List<Transaction>> page = ledger.transactions(s, e);
            if (!(page instanceof EmrOutcome.Found<List<Transaction>> found)) {
                throw new IllegalStateException("the ledger cannot be read (" + page.label() + ")");
            }
            for (Transaction tx : found.value()) {
                refs.add(tx.providerReference());
            }
        }
        return refs;
    }

    /** What one run found and repaired (transaction ids are opaque). */
    public record Report(Instant from, Instant to, int providerSucceeded, List<String> repairedTransactionIds) {}
}
