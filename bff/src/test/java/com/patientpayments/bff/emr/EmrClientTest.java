package com.patientpayments.bff.emr;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.ConnectorHouseholds;
import com.patientpayments.bff.testsupport.ConnectorHouseholds.Charge;
import com.patientpayments.bff.testsupport.EmrConnectorProcess;
import com.patientpayments.contract.AttemptStatus;
import com.patientpayments.contract.ErrorCode;
import com.patientpayments.contract.PaymentAttempt;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * The one typed connector client against the real connector: every answer is an outcome (found, not found, conflict
 * with its decoded problem code, rejected, unavailable), never null or an exception; the request id in the MDC reaches
 * the connector's log.
 */
class EmrClientTest {

    private static ApplicationContext context;
    private static EmrClient emr;

    @BeforeAll
    static void start() {
        Map<String, Object> p = new HashMap<>(BffTestSupport.properties(EmrClientTest.class));
        p.put("payments.emr.circuit-reset", "300ms");
        context = ApplicationContext.run(p);
        emr = context.getBean(EmrClient.class);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        EmrConnectorProcess.shared().start();
    }

    @Test
    void foundNotFoundConflictAndRejectedAreTypedWithTheProblemCode() {
        var h = ConnectorHouseholds.create(new Charge(LocalDate.of(2026, 1, 5), 4000));
        EmrOutcome<EmrOpenCharges> charges = emr.openCharges(h.id().toString());
        assertThat(charges).isInstanceOf(EmrOutcome.Found.class);
        assertThat(charges.optional().orElseThrow().balanceCents()).isEqualTo(4000);

        for (Supplier<EmrOutcome<?>> unknown : List.<Supplier<EmrOutcome<?>>>of(
                () -> emr.household(UUID.randomUUID().toString()), () -> emr.attempt("not-a-uuid"),
                () -> emr.practiceByHash("ZZZZZZ"), () -> emr.transactionByReference("pi_nobody/../x"),
                () -> emr.receipt(UUID.randomUUID().toString()), () -> emr.attemptByIntent("pi unknown"))) {
            EmrOutcome<?> outcome = unknown.get();
            assertThat(outcome).isInstanceOf(EmrOutcome.NotFound.class);
            assertThat(((EmrOutcome.NotFound<?>) outcome).problem().code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(outcome.optional()).isEmpty();
        }

        String key = "key-" + UUID.randomUUID();
        var created = emr.createAttempt(new EmrRequests.NewAttempt(h.id().toString(), 1000, key));
        assertThat(((EmrOutcome.Found<PaymentAttempt>) created).created()).isTrue();
        assertThat(created.optional().orElseThrow().status()).isEqualTo(AttemptStatus.CREATED);
        assertThat(created.optional().orElseThrow().createdAt()).isBeforeOrEqualTo(Instant.now());
        assertThat(((EmrOutcome.Found<PaymentAttempt>)
                                emr.createAttempt(new EmrRequests.NewAttempt(h.id().toString(), 1000, key)))
                        .created())
                .isFalse();
        EmrOutcome<PaymentAttempt> conflict =
                emr.createAttempt(new EmrRequests.NewAttempt(h.id().toString(), 1001, key));
        assertThat(conflict).isInstanceOf(EmrOutcome.Conflict.class);
        assertThat(((EmrOutcome.Conflict<PaymentAttempt>) conflict).problem().code())
                .isEqualTo(ErrorCode.CONFLICT);

        EmrOutcome<EmrAllocationPreview> bad = emr.allocationPreview(h.id().toString(), 0);
        assertThat(bad).isInstanceOf(EmrOutcome.Rejected.class);
        assertThat(((EmrOutcome.Rejected<EmrAllocationPreview>) bad).problem().code())
                .isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(emr.recentAttempts(
                                h.id().toString(), Instant.now().minusSeconds(60), EnumSet.of(AttemptStatus.CREATED))
                        .optional()
                        .orElseThrow())
                .hasSize(1);
    }

    @Test
    void aDownConnectorIsUnavailableForReadsAndWritesNeverAnException() {
        EmrConnectorProcess.shared().stop();
        try {
            assertThat(emr.household(UUID.randomUUID().toString())).isInstanceOf(EmrOutcome.Unavailable.class);
            // the read circuit is open now: the next read answers at once, without calling, still as an outcome
            EmrOutcome<EmrPractice> open = emr.practiceByHash("K7MX4Q");
            assertThat(open).isInstanceOf(EmrOutcome.Unavailable.class);
            assertThat(((EmrOutcome.Unavailable<EmrPractice>) open).reason()).isEqualTo("circuit_open");
            assertThat(emr.createAttempt(
                            new EmrRequests.NewAttempt(UUID.randomUUID().toString(), 100, "k")))
                    .isInstanceOf(EmrOutcome.Unavailable.class);
        } finally {
            EmrConnectorProcess.shared().start();
        }
        until(() -> emr.practiceByHash("K7MX4Q") instanceof EmrOutcome.Found<?>);
    }

    @Test
    void theRequestIdInTheMdcIsForwardedToTheConnectorAndInItsLog() {
        String id = "it-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        MDC.put(EmrHttp.MDC_KEY, id);
        try {
            assertThat(emr.practiceByHash("K7MX4Q")).isInstanceOf(EmrOutcome.Found.class);
        } finally {
            MDC.remove(EmrHttp.MDC_KEY);
        }
        until(() -> EmrConnectorProcess.shared()
                .log()
                .lines()
                .anyMatch(l -> l.contains("\"requestId\":\"" + id + "\"") && l.contains("/api/v1/practices/by-hash/")));
    }

    private static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("condition not met within 15 s");
    }
}
