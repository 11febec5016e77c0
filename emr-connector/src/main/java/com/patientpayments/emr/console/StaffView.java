package com.patientpayments.emr.console;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A staff member as the BFF sees them: opaque id, sign-in email, display name, whether they are the vendor's support,
 * and the practices they may see with their role in each (support: every practice, role {@code SUPPORT}).
 */
@Serdeable
public record StaffView(String id, String email, String displayName, boolean support, List<Practice> practices) {

    /** A practice a staff member may see, with what the console needs of it. */
    @Serdeable
    public record Practice(
            String id, String hash, String name, String timeZone, StaffRole role, List<Location> locations) {}

    /** One office of a practice. */
    @Serdeable
    public record Location(String id, String name) {}
}
