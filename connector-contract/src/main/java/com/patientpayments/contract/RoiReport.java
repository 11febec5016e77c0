package com.patientpayments.contract;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Return on online bill pay for a range of the practice's days ({@code GET /api/v1/console/practices/{id}/roi}).
 * Amounts in cents, net of posted refunds and lost disputes; {@code from}/{@code to} and {@code DayRow.date} are
 * ISO-8601 days in the practice's time zone. The connector's {@code console.Roi} documents how each figure is computed.
 *
 * @param householdsPayingOnlineShare the share (0–1) of paying households that paid online at least once
 * @param medianDaysToPayOnline       median days from charge to online payment; null without online payments
 * @param medianDaysToPayOther        median days from charge to other payments; null without other payments
 */
@Introspected
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

    /**
     * Collections (cents) and their count of one payment source ({@code ONLINE_PATIENT_PAYMENT}, {@code IN_OFFICE},
     * {@code MAIL_CHECK}, {@code OTHER}).
     */
    @Introspected
    @Serdeable
    public record SourceRow(String source, long cents, int count) {}

    /** One funnel step's count summed over the days. */
    @Introspected
    @Serdeable
    public record FunnelRow(String step, long count) {}

    /** Online and all collections (cents) applied to one location's charges. */
    @Introspected
    @Serdeable
    public record LocationRow(String locationId, String locationName, long onlineCents, long allCents) {}

    /** Online and all collections (cents) applied to one CDT category's charges. */
    @Introspected
    @Serdeable
    public record CategoryRow(String category, long onlineCents, long allCents) {}

    /** Online and all collections (cents) of one day ({@code date}: ISO-8601, practice time zone). */
    @Introspected
    @Serdeable
    public record DayRow(String date, long onlineCents, long allCents) {}
}
