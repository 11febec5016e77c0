package com.patientpayments.emr.console;

/**
 * A staff member's role in a practice. {@code SUPPORT} is not a membership: it is the vendor's support flag on the
 * account, which sees every practice read-only.
 */
public enum StaffRole {
    PRACTICE_ADMIN,
    BILLING,
    SUPPORT;

    /** Roles that can refund need the authenticator code (TOTP) at sign-in. */
    public boolean canRefund() {
        return this == PRACTICE_ADMIN || this == BILLING;
    }
}
