package com.patientpayments.bff.emr;

import com.patientpayments.contract.BrandingState;
import com.patientpayments.contract.ConsolePayment;
import com.patientpayments.contract.PracticeLogo;
import com.patientpayments.contract.RefundRequest;
import com.patientpayments.contract.RoiReport;
import com.patientpayments.contract.StaffAuditEntry;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The connector's console API (emr-connector {@code console}: {@code /api/v1/staff}, {@code /api/v1/console}). Calls
 * for a practice carry the staff member's id ({@code X-Staff-Id}); the connector checks again that they may see the
 * practice and writes the audit row. Every method answers an {@link EmrOutcome} (never throws for the connector's
 * answer); the DTOs are {@link ConsoleDtos}. Blocking. The console's domain ({@code console}) and edges use it.
 */
@Singleton
public class ConsoleEmr {
    private static final String STAFF = "/api/v1/staff";
    private static final String CONSOLE = "/api/v1/console";

    private final EmrClient emr;
    private final HttpClient slow;

    /** @param slow the connector with the staff sign-in check's longer read timeout ({@code emr-staff}) */
    public ConsoleEmr(EmrClient emr, @Client(id = "emr-staff") HttpClient slow) {
        this.emr = emr;
        this.slow = slow;
    }

    /** The sign-in check. */
    public EmrOutcome<ConsoleDtos.SignInCheck> check(String email, String password, @Nullable String otp) {
        var request = HttpRequest.POST(
                STAFF + "/sign-in-check", Map.of("email", email, "password", password, "otp", otp == null ? "" : otp));
        String id = org.slf4j.MDC.get(EmrHttp.MDC_KEY);
        if (id != null && id.matches("[A-Za-z0-9._:-]{1,64}")) {
            request.header(EmrHttp.REQUEST_ID, id);
        }
        try {
            HttpResponse<byte[]> r =
                    slow.toBlocking().exchange(request, Argument.of(byte[].class), Argument.of(byte[].class));
            return emr.decode(
                    new EmrHttp.Raw(r.code(), r.getBody().orElse(new byte[0])),
                    Argument.of(ConsoleDtos.SignInCheck.class));
        } catch (HttpClientResponseException e) {
            return e.code() >= 500
                    ? new EmrOutcome.Unavailable<>("status_" + e.code())
                    : emr.decode(
                            new EmrHttp.Raw(
                                    e.code(),
                                    e.getResponse().getBody(byte[].class).orElse(new byte[0])),
                            Argument.of(ConsoleDtos.SignInCheck.class));
        } catch (HttpClientException e) {
            return new EmrOutcome.Unavailable<>("unreachable");
        }
    }

    /** A staff member with their practices. */
    public EmrOutcome<ConsoleDtos.Staff> staff(String staffId) {
        return call(true, HttpRequest.GET(STAFF + "/" + enc(staffId)), Argument.of(ConsoleDtos.Staff.class));
    }

    /** Appends a staff audit row for an action the BFF performs itself. */
    public EmrOutcome<Void> audit(String staffId, StaffAuditEntry entry) {
        return call(false, HttpRequest.POST(STAFF + "/" + enc(staffId) + "/audit", entry), Argument.of(Void.class));
    }

    /** A page of payments; {@code query} holds the filter's query parameters. */
    public EmrOutcome<ConsolePayment.Page> payments(
            String staffId, String practiceId, Map<String, @Nullable Object> query) {
        UriBuilder uri = UriBuilder.of(practice(practiceId) + "/payments");
        query.forEach((k, v) -> {
            if (v != null) {
                uri.queryParam(k, v);
            }
        });
        return call(true, as(staffId, HttpRequest.GET(uri.build().toString())), Argument.of(ConsolePayment.Page.class));
    }

    /** One payment of the practice with its allocations, timeline and audit rows. */
    public EmrOutcome<ConsolePayment> payment(String staffId, String practiceId, String transactionId) {
        return call(
                true,
                as(staffId, HttpRequest.GET(practice(practiceId) + "/payments/" + enc(transactionId))),
                Argument.of(ConsolePayment.class));
    }

    /** Records a refund request (idempotent by its key); the answer says whether it was created now. */
    public EmrOutcome<RefundRequest> requestRefund(String staffId, String practiceId, Map<String, Object> body) {
        return call(
                false,
                as(staffId, HttpRequest.POST(practice(practiceId) + "/refund-requests", body)),
                Argument.of(RefundRequest.class));
    }

    /** Settles a refund request with the provider's refund id (null: the provider refused it). */
    public EmrOutcome<RefundRequest> settleRefund(
            String staffId, String practiceId, String requestId, @Nullable String providerRefundId) {
        java.util.HashMap<String, Object> body = new java.util.HashMap<>();
        body.put("providerRefundId", providerRefundId);
        return call(
                false,
                as(staffId, HttpRequest.PUT(practice(practiceId) + "/refund-requests/" + enc(requestId), body)),
                Argument.of(RefundRequest.class));
    }

    /** The practice's draft and published receipt branding. */
    public EmrOutcome<BrandingState> branding(String staffId, String practiceId) {
        return call(
                true,
                as(staffId, HttpRequest.GET(practice(practiceId) + "/branding")),
                Argument.of(BrandingState.class));
    }

    /** Saves the branding draft ({@code edit}: signatureText, footerText, removeLogo). */
    public EmrOutcome<BrandingState> saveBranding(String staffId, String practiceId, Map<String, Object> edit) {
        return call(
                false,
                as(staffId, HttpRequest.PUT(practice(practiceId) + "/branding/draft", edit)),
                Argument.of(BrandingState.class));
    }

    /** Publishes the draft; not found when there is no draft. */
    public EmrOutcome<BrandingState> publishBranding(String staffId, String practiceId) {
        return call(
                false,
                as(staffId, HttpRequest.POST(practice(practiceId) + "/branding/publish", "{}")),
                Argument.of(BrandingState.class));
    }

    /** Uploads the draft logo (checked and sanitized by the connector). */
    public EmrOutcome<PracticeLogo> saveLogo(String practiceId, String contentType, byte[] bytes) {
        return call(
                false,
                HttpRequest.PUT("/api/v1/practices/" + enc(practiceId) + "/logo/draft", bytes)
                        .contentType(MediaType.of(contentType)),
                Argument.of(PracticeLogo.class));
    }

    /** The ROI report of {@code [from, to]} (ISO dates), optionally of one location. */
    public EmrOutcome<RoiReport> roi(
            String staffId, String practiceId, String from, String to, @Nullable String locationId) {
        UriBuilder uri = UriBuilder.of(practice(practiceId) + "/roi")
                .queryParam("from", from)
                .queryParam("to", to);
        if (locationId != null) {
            uri.queryParam("locationId", locationId);
        }
        return call(true, as(staffId, HttpRequest.GET(uri.build().toString())), Argument.of(RoiReport.class));
    }

    /** A household of the practice by account number (audited by the connector); not found otherwise. */
    public EmrOutcome<ConsoleDtos.HouseholdRef> household(String staffId, String practiceId, String accountNumber) {
        return call(
                true,
                as(staffId, HttpRequest.GET(practice(practiceId) + "/households/by-account/" + enc(accountNumber))),
                Argument.of(ConsoleDtos.HouseholdRef.class));
    }

    /**
     * Adds {@code count} (at least 1) to a practice's funnel step for today (the practice's time zone); an unknown
     * practice hash is ignored by the connector.
     */
    public EmrOutcome<Void> funnel(String practiceHash, String step, long count) {
        return call(
                false,
                HttpRequest.POST(
                        CONSOLE + "/funnel", Map.of("practiceHash", practiceHash, "step", step, "count", count)),
                Argument.of(Void.class));
    }

    /** Records a reconciliation run. */
    public EmrOutcome<ConsoleDtos.Run> recordRun(ConsoleDtos.Run run) {
        return call(false, HttpRequest.POST(CONSOLE + "/reconciliation-runs", run), Argument.of(ConsoleDtos.Run.class));
    }

    /** The last 20 reconciliation runs, newest first. */
    public EmrOutcome<List<ConsoleDtos.Run>> runs() {
        return call(
                true,
                HttpRequest.GET(CONSOLE + "/reconciliation-runs?limit=20"),
                Argument.listOf(ConsoleDtos.Run.class));
    }

    private static String practice(String practiceId) {
        return CONSOLE + "/practices/" + enc(practiceId);
    }

    private static MutableHttpRequest<?> as(String staffId, MutableHttpRequest<?> request) {
        return request.header("X-Staff-Id", staffId);
    }

    private <T> EmrOutcome<T> call(boolean read, MutableHttpRequest<?> request, Argument<T> type) {
        return emr.exchange(read, request, type);
    }

    private static String enc(@Nullable String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
