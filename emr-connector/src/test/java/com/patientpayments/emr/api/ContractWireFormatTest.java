package com.patientpayments.emr.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.contract.AttemptStatus;
import com.patientpayments.contract.BrandingState;
import com.patientpayments.contract.ConsolePayment;
import com.patientpayments.contract.ErrorCode;
import com.patientpayments.contract.PaymentAttempt;
import com.patientpayments.contract.PracticeLogo;
import com.patientpayments.contract.RefundRequest;
import com.patientpayments.contract.RoiReport;
import com.patientpayments.contract.Transaction;
import com.patientpayments.contract.TransactionStatus;
import com.patientpayments.emr.support.TestApp;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connector-contract records write the JSON the connector wrote before they moved out of its {@code console}
 * package (API.md): every component in declaration order, nulls written ({@code inclusion: ALWAYS}) except a payment's
 * detail lists, which a list row omits. Serialized with the running connector's own {@link JsonMapper} (its application.yml).
 */
class ContractWireFormatTest {
    private static TestApp app;
    private static JsonMapper json;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        json = app.context().getBean(JsonMapper.class);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String write(Object value) throws IOException {
        return new String(json.writeValueAsBytes(value), StandardCharsets.UTF_8);
    }

    private static ConsolePayment payment() {
        return new ConsolePayment(
                "t-1",
                "pi_1",
                "ONLINE_PATIENT_PAYMENT",
                "SUCCEEDED",
                12_500,
                0,
                12_500,
                "2026-03-01T10:15:30Z",
                null,
                null,
                "A-100",
                "Ada Lovelace",
                null,
                null,
                null);
    }

    @Test
    void aPaymentRowOmitsItsDetailListsButWritesOtherNulls() throws IOException {
        assertThat(write(new ConsolePayment.Page(List.of(payment()), 1, false, null)))
                .isEqualTo("{\"rows\":[{\"transactionId\":\"t-1\",\"providerReference\":\"pi_1\","
                        + "\"source\":\"ONLINE_PATIENT_PAYMENT\",\"status\":\"SUCCEEDED\",\"amountCents\":12500,"
                        + "\"refundedCents\":0,\"refundableCents\":12500,\"paidAt\":\"2026-03-01T10:15:30Z\","
                        + "\"methodBrand\":null,\"methodLast4\":null,\"accountNumber\":\"A-100\","
                        + "\"guarantorName\":\"Ada Lovelace\"}],\"totalCount\":1,\"hasNextPage\":false,"
                        + "\"endCursor\":null}");
    }

    @Test
    void aPaymentDetailWritesItsLists() throws IOException {
        ConsolePayment detail = payment()
                .withDetail(
                        List.of(new ConsolePayment.Allocation(
                                "c-1", "Ada", "2026-02-01", "D1110", "Cleaning", null, 12_500, 0)),
                        List.of(new ConsolePayment.Adjustment("REFUND", "REFUSED", 500, "2026-03-02T00:00:00Z", null)),
                        List.of(new ConsolePayment.AuditRow("2026-03-01T10:15:30Z", "POSTED", null, null)));
        assertThat(write(detail))
                .endsWith("\"guarantorName\":\"Ada Lovelace\",\"allocations\":[{\"chargeId\":\"c-1\","
                        + "\"patientName\":\"Ada\",\"serviceDate\":\"2026-02-01\",\"procedureCode\":\"D1110\","
                        + "\"procedureName\":\"Cleaning\",\"locationName\":null,\"appliedCents\":12500,"
                        + "\"remainingCents\":0}],\"timeline\":[{\"kind\":\"REFUND\",\"status\":\"REFUSED\","
                        + "\"amountCents\":500,\"at\":\"2026-03-02T00:00:00Z\",\"reference\":null}],"
                        + "\"audit\":[{\"at\":\"2026-03-01T10:15:30Z\",\"action\":\"POSTED\",\"actor\":null,"
                        + "\"amountCents\":null}]}");
    }

    @Test
    void aRefundRequestWritesEveryField() throws IOException {
        var request = new RefundRequest("r-1", "t-1", "pi_1", null, 500, "DUPLICATE", "REQUESTED", null, false)
                .withCreated(true);
        assertThat(write(request))
                .isEqualTo("{\"id\":\"r-1\",\"transactionId\":\"t-1\",\"providerReference\":\"pi_1\","
                        + "\"stripeAccountId\":null,\"amountCents\":500,\"reason\":\"DUPLICATE\","
                        + "\"status\":\"REQUESTED\",\"providerRefundId\":null,\"created\":true}");
    }

    @Test
    void anRoiReportWritesItsNullMedians() throws IOException {
        var roi = new RoiReport(
                "2026-03-01",
                "2026-03-31",
                100,
                300,
                List.of(new RoiReport.SourceRow("IN_OFFICE", 200, 1)),
                0.5,
                null,
                2.0,
                List.of(new RoiReport.FunnelRow("LANDING", 4)),
                List.of(new RoiReport.LocationRow("l-1", "Main", 100, 300)),
                List.of(new RoiReport.CategoryRow("PREVENTIVE", 100, 300)),
                List.of(new RoiReport.DayRow("2026-03-01", 100, 300)));
        assertThat(write(roi))
                .isEqualTo("{\"from\":\"2026-03-01\",\"to\":\"2026-03-31\",\"onlineCents\":100,\"allCents\":300,"
                        + "\"bySource\":[{\"source\":\"IN_OFFICE\",\"cents\":200,\"count\":1}],"
                        + "\"householdsPayingOnlineShare\":0.5,\"medianDaysToPayOnline\":null,"
                        + "\"medianDaysToPayOther\":2.0,\"funnel\":[{\"step\":\"LANDING\",\"count\":4}],"
                        + "\"byLocation\":[{\"locationId\":\"l-1\",\"locationName\":\"Main\",\"onlineCents\":100,"
                        + "\"allCents\":300}],\"byProcedureCategory\":[{\"category\":\"PREVENTIVE\","
                        + "\"onlineCents\":100,\"allCents\":300}],\"byDay\":[{\"date\":\"2026-03-01\","
                        + "\"onlineCents\":100,\"allCents\":300}]}");
    }

    @Test
    void aBrandingStateWritesItsNullsAndTheLogo() throws IOException {
        var state = new BrandingState(
                null,
                new BrandingState.Branding(
                        "Dr. Ada", null, new PracticeLogo("image/png", "ab12", 42), "2026-03-01T10:15:30Z"));
        assertThat(write(state))
                .isEqualTo("{\"draft\":null,\"published\":{\"signatureText\":\"Dr. Ada\",\"footerText\":null,"
                        + "\"logo\":{\"contentType\":\"image/png\",\"sha256\":\"ab12\",\"sizeBytes\":42},"
                        + "\"updatedAt\":\"2026-03-01T10:15:30Z\"}}");
    }

    @Test
    void aTransactionWritesItsInstantsAsIsoStringsAndItsAllocations() throws IOException {
        var transaction = new Transaction(
                "t-1",
                "pi_1",
                "p-1",
                "h-1",
                "a-1",
                "ONLINE_PATIENT_PAYMENT",
                TransactionStatus.PARTIALLY_REFUNDED,
                12_500,
                12_000,
                500,
                1_000,
                "USD",
                null,
                null,
                Instant.parse("2026-03-01T10:15:30.123456Z"),
                Instant.parse("2026-03-01T10:15:31Z"),
                List.of(new Transaction.Allocation("c-1", 12_000, 0)));
        assertThat(write(transaction))
                .isEqualTo("{\"id\":\"t-1\",\"providerReference\":\"pi_1\",\"practiceId\":\"p-1\","
                        + "\"householdId\":\"h-1\",\"attemptId\":\"a-1\",\"source\":\"ONLINE_PATIENT_PAYMENT\","
                        + "\"status\":\"PARTIALLY_REFUNDED\",\"amountCents\":12500,\"appliedCents\":12000,"
                        + "\"creditCents\":500,\"refundedCents\":1000,\"currency\":\"USD\",\"methodBrand\":null,"
                        + "\"methodLast4\":null,\"paidAt\":\"2026-03-01T10:15:30.123456Z\","
                        + "\"createdAt\":\"2026-03-01T10:15:31Z\",\"allocations\":[{\"chargeId\":\"c-1\","
                        + "\"appliedCents\":12000,\"chargeBalanceAfterCents\":0}]}");
    }

    @Test
    void aTransactionInAListOmitsItsAllocationsButWritesOtherNulls() throws IOException {
        var transaction = new Transaction(
                "t-1",
                "pi_1",
                "p-1",
                "h-1",
                null,
                "ONLINE_PATIENT_PAYMENT",
                TransactionStatus.SUCCEEDED,
                12_500,
                12_500,
                0,
                0,
                "USD",
                "visa",
                "4242",
                Instant.parse("2026-03-01T10:15:30Z"),
                Instant.parse("2026-03-01T10:15:30.500Z"),
                null);
        assertThat(write(List.of(transaction)))
                .isEqualTo("[{\"id\":\"t-1\",\"providerReference\":\"pi_1\",\"practiceId\":\"p-1\","
                        + "\"householdId\":\"h-1\",\"attemptId\":null,\"source\":\"ONLINE_PATIENT_PAYMENT\","
                        + "\"status\":\"SUCCEEDED\",\"amountCents\":12500,\"appliedCents\":12500,"
                        + "\"creditCents\":0,\"refundedCents\":0,\"currency\":\"USD\",\"methodBrand\":\"visa\","
                        + "\"methodLast4\":\"4242\",\"paidAt\":\"2026-03-01T10:15:30Z\","
                        + "\"createdAt\":\"2026-03-01T10:15:30.500Z\"}]");
    }

    @Test
    void aPaymentAttemptWritesItsNullsAndIsoInstants() throws IOException {
        var attempt = new PaymentAttempt(
                "a-1",
                "p-1",
                "h-1",
                12_500,
                "USD",
                "k-1",
                null,
                AttemptStatus.FAILED,
                "card_declined",
                null,
                null,
                Instant.parse("2026-03-01T10:15:30.123456Z"),
                Instant.parse("2026-03-01T10:15:31Z"));
        assertThat(write(attempt))
                .isEqualTo("{\"id\":\"a-1\",\"practiceId\":\"p-1\",\"householdId\":\"h-1\","
                        + "\"amountCents\":12500,\"currency\":\"USD\",\"idempotencyKey\":\"k-1\","
                        + "\"providerIntentId\":null,\"status\":\"FAILED\",\"failureCode\":\"card_declined\","
                        + "\"failureMessage\":null,\"transactionId\":null,"
                        + "\"createdAt\":\"2026-03-01T10:15:30.123456Z\",\"updatedAt\":\"2026-03-01T10:15:31Z\"}");
    }

    @Test
    void theStatusesAndErrorCodesAreTheirWireNames() throws IOException {
        assertThat(write(List.of(TransactionStatus.values())))
                .isEqualTo("[\"SUCCEEDED\",\"PARTIALLY_REFUNDED\",\"REFUNDED\",\"DISPUTED\",\"DISPUTE_LOST\"]");
        assertThat(write(List.of(AttemptStatus.values())))
                .isEqualTo("[\"CREATED\",\"PROCESSING\",\"SUCCEEDED\",\"FAILED\"]");
        assertThat(Arrays.stream(ErrorCode.values()).map(Enum::name))
                .containsExactly(
                        "UNAUTHORIZED",
                        "NOT_FOUND",
                        "VALIDATION_FAILED",
                        "CONFLICT",
                        "METHOD_NOT_ALLOWED",
                        "UNSUPPORTED_MEDIA_TYPE",
                        "INTERNAL");
    }
}
