package com.patientpayments.bff.emr;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The connector's console answers (emr-connector {@code console} package), as the BFF decodes them. Amounts in cents. */
public final class ConsoleDtos {
    private ConsoleDtos() {}

    /** A staff member with the practices they may see (support: every practice, role {@code SUPPORT}). */
    @Serdeable
    public record Staff(String id, String email, String displayName, boolean support, List<Practice> practices) {

        /** The practice with this id among those the staff member may see, else null. */
        @Nullable
        public Practice practice(String practiceId) {
            return practices.stream()
                    .filter(p -> p.id().equals(practiceId))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** A practice as the console lists it, with the caller's role. */
    @Serdeable
    public record Practice(
            String id, String hash, String name, String timeZone, String role, List<Location> locations) {}

    /** One office. */
    @Serdeable
    public record Location(String id, String name) {}

    /** The sign-in check's answer: {@code OK}, {@code OTP_REQUIRED} or {@code INVALID}. */
    @Serdeable
    public record SignInCheck(String outcome, @Nullable Staff staff) {}

    /** One online payment; the detail lists are null in pages. */
    @Serdeable
    public record Payment(
            String transactionId,
            String providerReference,
            String source,
            String status,
            long amountCents,
            long refundedCents,
            long refundableCents,
            String paidAt,
            @Nullable String methodBrand,
            @Nullable String methodLast4,
            String accountNumber,
            String guarantorName,
            @Nullable List<Allocation> allocations,
            @Nullable List<Adjustment> timeline,
            @Nullable List<AuditRow> audit) {}

    /** What a payment applied to one charge. */
    @Serdeable
    public record Allocation(
            String chargeId,
            String patientName,
            String serviceDate,
            String procedureCode,
            String procedureName,
            @Nullable String locationName,
            long appliedCents,
            long remainingCents) {}

    /** A refund, dispute or inquiry. */
    @Serdeable
    public record Adjustment(
            String kind,
            String status,
            long amountCents,
            String at,
            @Nullable String reference) {}

    /** An audit row ({@code actor} null: the system). */
    @Serdeable
    public record AuditRow(
            String at,
            String action,
            @Nullable String actor,
            @Nullable Long amountCents) {}

    /** A page of payments. */
    @Serdeable
    public record Page(
            List<Payment> rows,
            long totalCount,
            boolean hasNextPage,
            @Nullable String endCursor) {}

    /** A refund request. */
    @Serdeable
    public record RefundRequest(
            String id,
            String transactionId,
            String providerReference,
            @Nullable String stripeAccountId,
            long amountCents,
            String reason,
            String status,
            @Nullable String providerRefundId,
            boolean created) {}

    /** Receipt branding in one state. */
    @Serdeable
    public record Branding(
            @Nullable String signatureText,
            @Nullable String footerText,
            @Nullable Logo logo,
            @Nullable String updatedAt) {}

    /** A logo's content type, SHA-256 and size. */
    @Serdeable
    public record Logo(String contentType, String sha256, int sizeBytes) {}

    /** Draft and published branding. */
    @Serdeable
    public record BrandingState(
            @Nullable Branding draft, @Nullable Branding published) {}

    /** The ROI report. */
    @Serdeable
    public record Roi(
            String from,
            String to,
            long onlineCents,
            long allCents,
            List<SourceRow> bySource,
            double householdsPayingOnlineShare,
            @Nullable Double medianDaysToPayOnline,
            @Nullable Double medianDaysToPayOther,
            List<FunnelRow> funnel,
            List<LocationRow> byLocation,
            List<CategoryRow> byProcedureCategory,
            List<DayRow> byDay) {}

    /** Collections of one source. */
    @Serdeable
    public record SourceRow(String source, long cents, int count) {}

    /** A funnel step's count. */
    @Serdeable
    public record FunnelRow(String step, long count) {}

    /** Collections of one location. */
    @Serdeable
    public record LocationRow(String locationId, String locationName, long onlineCents, long allCents) {}

    /** Collections of one procedure category. */
    @Serdeable
    public record CategoryRow(String category, long onlineCents, long allCents) {}

    /** Collections of one day. */
    @Serdeable
    public record DayRow(String date, long onlineCents, long allCents) {}

    /** A household by account number. */
    @Serdeable
    public record HouseholdRef(String accountNumber) {}

    /** A reconciliation run (ISO-8601 instants). */
    @Serdeable
    public record Run(String startedAt, String from, String to, int checked, int repaired) {}
}
