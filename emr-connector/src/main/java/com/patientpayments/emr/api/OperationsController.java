package com.patientpayments.emr.api;

import com.patientpayments.emr.EmrException;
import com.patientpayments.emr.Jdbc;
import com.patientpayments.emr.console.*;
import com.patientpayments.emr.ledger.ReconciliationRunRepository;
import com.patientpayments.emr.practice.PracticeRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import io.swagger.v3.oas.annotations.Operation;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * What the console's ROI and operations views need from the BFF's side: the patient funnel's daily counts (counts
 * only, no PII) and the reconciliation runs the BFF performed.
 */
@Controller("/api/v1/console")
@ExecuteOn(TaskExecutors.BLOCKING)
public class OperationsController {
    private static final Set<String> STEPS = Set.of("LANDING", "SIGNED_IN", "PAYMENT_STARTED", "PAYMENT_COMPLETED");
    private final TransactionOperations<Connection> tx;
    private final PracticeRepository practices;
    private final ReconciliationRunRepository runs;

    public OperationsController(
            TransactionOperations<Connection> tx, PracticeRepository practices, ReconciliationRunRepository runs) {
        this.tx = tx;
        this.practices = practices;
        this.runs = runs;
    }

    /** The most one funnel call may add (a BFF sends one second's count of a practice and step). */
    static final long MAX_FUNNEL_COUNT = 1_000_000;

    /**
     * Funnel events of a practice (by its landing hash): {@code count} times {@code step} (absent: once; else 1 to
     * {@value #MAX_FUNNEL_COUNT}, as the BFF batches its counts).
     */
    @Serdeable
    public record FunnelEvent(
            String practiceHash, String step, @Nullable Long count) {}

    /** One reconciliation run (ISO-8601 instants). */
    @Serdeable
    public record Run(String startedAt, String from, String to, int checked, int repaired) {}

    @Operation(
            summary =
                    "Add count (default 1) to a funnel step for today (practice time zone); unknown hashes are ignored")
    @Post("/funnel")
    public HttpResponse<Void> funnel(@Body FunnelEvent event) {
        if (event == null
                || event.step() == null
                || !STEPS.contains(event.step())
                || event.practiceHash() == null
                || !event.practiceHash().matches("[A-Z0-9]{6,12}")) {
            throw EmrException.invalid("practiceHash and a step of " + STEPS + " are required.");
        }
        long count = event.count() == null ? 1 : event.count();
        if (count < 1 || count > MAX_FUNNEL_COUNT) {
            throw EmrException.invalid("count must be from 1 to " + MAX_FUNNEL_COUNT + ".");
        }
        tx.executeWrite(s -> {
            practices
                    .zoneOfHash(event.practiceHash())
                    .ifPresent(p -> Jdbc.update(
                            s.getConnection(),
                            "INSERT INTO funnel_daily (practice_id, day,"
                                    + " step, count) VALUES (?, ?, ?, ?) ON CONFLICT (practice_id, day, step)"
                                    + " DO UPDATE SET count = funnel_daily.count + EXCLUDED.count",
                            p.id(),
                            java.time.LocalDate.now(ZoneId.of(p.timeZone())),
                            event.step(),
                            count));
            return null;
        });
        return HttpResponse.noContent();
    }

    @Operation(summary = "Record a reconciliation run")
    @Post("/reconciliation-runs")
    public Run record(@Body Run run) {
        if (run == null || run.checked() < 0 || run.repaired() < 0) {
            throw EmrException.invalid("startedAt, from, to, checked and repaired are required.");
        }
        Instant started = instant(run.startedAt(), "startedAt");
        Instant from = instant(run.from(), "from");
        Instant to = instant(run.to(), "to");
        tx.executeWrite(s -> Jdbc.update(
                s.getConnection(),
                "INSERT INTO reconciliation_runs (started_at, window_from,"
                        + " window_to, checked, repaired) VALUES (?, ?, ?, ?, ?)",
                started,
                from,
                to,
                run.checked(),
                run.repaired()));
        return run;
    }

    @Operation(summary = "The latest reconciliation runs, newest first")
    @Get("/reconciliation-runs")
    public List<Run> runs(@Nullable @QueryValue Integer limit) {
        int n = limit == null ? 20 : Math.max(1, Math.min(100, limit));
        return tx.executeRead(s -> runs.latest(n).stream()
                .map(r -> new Run(
                        r.startedAt().toString(),
                        r.windowFrom().toString(),
                        r.windowTo().toString(),
                        r.checked(),
                        r.repaired()))
                .toList());
    }

    private static Instant instant(String value, String field) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw EmrException.invalid(field + " must be an ISO-8601 instant.");
        }
    }
}
