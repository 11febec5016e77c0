package com.patientpayments.bff.receipt;

import com.patientpayments.bff.emr.ReceiptAdjustment;
import com.patientpayments.bff.emr.ReceiptLine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The receipt payload: everything a receipt shows, built on the server from the connector's authoritative
 * {@code ReceiptData}. Amounts are integer cents; formatting happens only at the edges (GraphQL {@code Money},
 * the Jasper template). This is also what is cached in Redis under {@code receipt:<txId>} for 30 minutes.
 *
 * @param txId              ledger transaction id
 * @param providerReference payment processor reference (PaymentIntent id), for support
 * @param practiceId        connector id of the practice that received the payment (authorization)
 * @param practiceHash      public hash of that practice (authorization of practice admins)
 * @param householdId       connector id of the household that paid (authorization of patients)
 * @param practice          identity printed in the receipt header
 * @param guarantorName     who paid
 * @param paidAt            instant of payment; shown in {@code practice.timeZone()}
 * @param methodBrand       card brand as the processor names it ({@code visa}, {@code mastercard}, …)
 * @param methodLast4       last four digits of the card, or null
 * @param currency          ISO-4217 code
 * @param totalCents        total paid today
 * @param appliedCents      part of the total applied to charges
 * @param creditCents       part of the total left as unapplied household credit
 * @param refundedCents     refunded later (0 when none)
 * @param status            transaction status in the ledger ({@code SUCCEEDED}, {@code REFUNDED}, …)
 * @param lines             one per charge the payment touched, grouped by patient, then date of service
 * @param adjustments       later refunds and disputes, oldest first
 * @param balanceAfterCents the household's balance right after this payment was posted (connector's
 *                          {@code balanceAfterCents}); null in payloads cached before it existed, and in samples
 */
@Serdeable
public record ReceiptView(
        String txId,
        String providerReference,
        String practiceId,
        String practiceHash,
        String householdId,
        Practice practice,
        String guarantorName,
        Instant paidAt,
        @Nullable String methodBrand,
        @Nullable String methodLast4,
        String currency,
        long totalCents,
        long appliedCents,
        long creditCents,
        long refundedCents,
        String status,
        List<ReceiptLine> lines,
        List<ReceiptAdjustment> adjustments,
        @Nullable Long balanceAfterCents) {

    public ReceiptView {
        // JSON writers may omit empty lists: absent means none.
        lines = lines == null ? List.of() : List.copyOf(lines);
        adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
    }

    /** Payment method as printed, e.g. {@code VISA ••••4242}; never more than the last four digits. */
    public String methodLabel() {
        String brand = methodBrand == null || methodBrand.isBlank() ? "Card" : brandLabel(methodBrand);
        return methodLast4 == null || methodLast4.isBlank() ? brand : brand + " \u2022\u2022\u2022\u2022" + methodLast4;
    }

    /** A short, stable reference for file names: the first 8 letters or digits of the transaction id. */
    public String shortRef() {
        String alnum = txId.replaceAll("[^A-Za-z0-9]", "");
        return (alnum.length() > 8 ? alnum.substring(0, 8) : alnum).toUpperCase(Locale.ROOT);
    }

    private static String brandLabel(String brand) {
        switch (brand.toLowerCase(Locale.ROOT)) {
            case "visa":
                return "VISA";
            case "mastercard":
                return "Mastercard";
            case "amex":
            case "american_express":
                return "AMEX";
            case "discover":
                return "Discover";
            default:
                return brand.toUpperCase(Locale.ROOT);
        }
    }

    /**
     * Identity of the practice as printed on the receipt. {@code logoUrl} is the BFF's URL of its published logo and
     * {@code logo} that logo's description (the PDF prints the same bytes); both null when it has none.
     */
    @Serdeable
    public record Practice(
            String hash,
            String name,
            @Nullable String phone,
            @Nullable String phoneE164,
            @Nullable String line1,
            @Nullable String line2,
            @Nullable String city,
            @Nullable String state,
            @Nullable String postalCode,
            @Nullable String logoUrl,
            String timeZone,
            @Nullable Logo logo) {

        /** {@code Austin, TX 78701}, or empty when the practice has no address. */
        public String cityLine() {
            if (city == null || city.isBlank()) {
                return "";
            }
            return city + ", " + (state == null ? "" : state) + " " + (postalCode == null ? "" : postalCode);
        }
    }

    /** A published practice logo: content type, SHA-256 (hex) of its bytes, size in bytes. */
    @Serdeable
    public record Logo(String contentType, String sha256, int sizeBytes) {}
}
