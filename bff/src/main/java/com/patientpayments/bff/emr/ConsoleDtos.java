package com.patientpayments.bff.emr;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The connector's console answers (emr-connector {@code console} package) not yet in {@code connector-contract}, as the
 * BFF decodes them. Amounts in cents. Payments, refund requests, branding and the ROI report are the contract's
 * ({@code com.patientpayments.contract}).
 */
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

    /** A household by account number. */
    @Serdeable
    public record HouseholdRef(String accountNumber) {}

    /** A reconciliation run (ISO-8601 instants). */
    @Serdeable
    public record Run(String startedAt, String from, String to, int checked, int repaired) {}
}
