package com.patientpayments.emr.console;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Return on online bill pay for a range of the practice's days (amounts in cents, net of posted refunds and lost
 * disputes). See {@link Roi} for how each figure is computed.
 */
@Serdeable
public record RoiReport(
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
        List<DayRow> byDay) {

    /** Collections of one payment source ({@code ONLINE_PATIENT_PAYMENT}, {@code IN_OFFICE}, {@code MAIL_CHECK}, {@code OTHER}). */
    @Serdeable
    public record SourceRow(String source, long cents, int count) {}

    /** One funnel step's count summed over the days. */
    @Serdeable
    public record FunnelRow(String step, long count) {}

    /** Online and all collections applied to one location's charges. */
    @Serdeable
    public record LocationRow(String locationId, String locationName, long onlineCents, long allCents) {}

    /** Online and all collections applied to one CDT category's charges. */
    @Serdeable
    public record CategoryRow(String category, long onlineCents, long allCents) {}

    /** Online and all collections of one day (practice time zone). */
    @Serdeable
    public record DayRow(String date, long onlineCents, long allCents) {}
}
