package com.patientpayments.emr.console;

import com.patientpayments.emr.Jdbc;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Appends to the staff audit log: who (staff id), where (practice id), what (an {@link Action}), when; plus opaque
 * ids and amounts — never names, account numbers or emails.
 */
@Singleton
public class StaffAudit {

    /** What a staff member did (the table's CHECK constraint lists the same names). */
    public enum Action {
        SIGN_IN,
        SIGN_OUT,
        VIEW_PRACTICE,
        VIEW_PAYMENTS,
        VIEW_PAYMENT,
        EXPORT_PAYMENTS,
        VIEW_RECEIPT,
        REFUND_REQUESTED,
        VIEW_BRANDING,
        BRANDING_SAVED,
        BRANDING_PREVIEWED,
        BRANDING_PUBLISHED,
        VIEW_ROI,
        STATEMENT_LINK,
        STATEMENT_EXPORT,
        PAYMENT_LINK_EMAILED,
        VIEW_OPERATIONS,
        DLQ_REPLAY,
        RECONCILIATION_RUN
    }

    /** One row; {@code practiceId}, {@code transactionId}, {@code amountCents}, {@code reference} may be null. */
    public void append(
            Connection c,
            UUID staffId,
            @Nullable UUID practiceId,
            Action action,
            @Nullable UUID transactionId,
            @Nullable Long amountCents,
            @Nullable String reference) {
        Jdbc.update(
                c,
                "INSERT INTO staff_audit_log (staff_id, practice_id, action, transaction_id, amount_cents,"
                        + " reference) VALUES (?, ?, ?, ?, ?, ?)",
                staffId,
                practiceId,
                action.name(),
                transactionId,
                amountCents,
                reference);
    }
}
