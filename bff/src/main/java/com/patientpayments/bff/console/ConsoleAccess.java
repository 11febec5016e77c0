package com.patientpayments.bff.console;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import com.patientpayments.bff.emr.ConnectorErrors;
import com.patientpayments.bff.emr.ConsoleDtos;
import com.patientpayments.bff.emr.ConsoleEmr;
import com.patientpayments.bff.emr.EmrOutcome;
import com.patientpayments.contract.StaffAuditEntry;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may do what in the console. The staff member comes from the staff session only (never the patient's); their
 * practices and roles from the connector ({@link #staff(String)}; the GraphQL edge reads it once per request). Roles:
 * <ul>
 *   <li>{@code PRACTICE_ADMIN}: everything for their practices;</li>
 *   <li>{@code BILLING}: payments, receipts, refunds, ROI, statement links and payment-link emails — no branding;</li>
 *   <li>{@code SUPPORT}: every practice read-only (no refunds, branding edits or emails) and the operations views.</li>
 * </ul>
 * A practice the caller may not see answers {@code FORBIDDEN}, whatever exists there.
 */
@Singleton
public class ConsoleAccess {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleAccess.class);

    /** What a field needs. */
    public enum Capability {
        /** Payments, receipts, ROI, statement links (every role of the practice). */
        READ(Set.of("PRACTICE_ADMIN", "BILLING", "SUPPORT")),
        /** Refunds and payment-link emails. */
        ACT(Set.of("PRACTICE_ADMIN", "BILLING")),
        /** Seeing the receipt branding (settings). */
        VIEW_SETTINGS(Set.of("PRACTICE_ADMIN", "SUPPORT")),
        /** Changing and previewing the receipt branding. */
        EDIT_SETTINGS(Set.of("PRACTICE_ADMIN"));

        @SuppressWarnings("ImmutableEnumChecker") // Set.of(...) is unmodifiable; the checker only sees the type Set
        private final Set<String> roles;

        Capability(Set<String> roles) {
            this.roles = roles;
        }
    }

    private final ConsoleEmr emr;

    public ConsoleAccess(ConsoleEmr emr) {
        this.emr = emr;
    }

    /**
     * The active staff member {@code staffId} names (from a staff session), with their practices and roles; empty
     * when the account is gone or no longer active.
     *
     * @throws PaymentsException {@code UPSTREAM_UNAVAILABLE} (or {@code INTERNAL}) when the connector does not answer
     */
    public Optional<ConsoleDtos.Staff> staff(String staffId) {
        EmrOutcome<ConsoleDtos.Staff> found = emr.staff(staffId);
        if (found instanceof EmrOutcome.Found<ConsoleDtos.Staff> f) {
            return Optional.of(f.value());
        }
        if (found.isNotFound()) {
            return Optional.empty();
        }
        throw ConnectorErrors.toApi(found, "");
    }

    /** The signed-in staff member, else {@code UNAUTHENTICATED}. */
    public static ConsoleDtos.Staff require(Optional<ConsoleDtos.Staff> staff) {
        return staff.orElseThrow(
                () -> new PaymentsException(ErrorCode.UNAUTHENTICATED, "Sign in to the practice console."));
    }

    /**
     * The practice {@code practiceId} with the caller's role when the role has {@code needs}; else {@code FORBIDDEN}
     * (also for no id, and for a practice the staff member may not see).
     */
    public static ConsoleDtos.Practice practice(
            ConsoleDtos.Staff staff, @Nullable String practiceId, Capability needs) {
        ConsoleDtos.Practice p = practiceId == null ? null : staff.practice(practiceId);
        if (p == null || !needs.roles.contains(p.role())) {
            throw forbidden();
        }
        return p;
    }

    /** Whether the caller's role in {@code practice} has {@code needs}. */
    public static boolean allows(ConsoleDtos.Practice practice, Capability needs) {
        return needs.roles.contains(practice.role());
    }

    /** The operations views: the vendor's support only; else {@code FORBIDDEN}. */
    public static ConsoleDtos.Staff requireSupport(ConsoleDtos.Staff staff) {
        if (!staff.support()) {
            throw forbidden();
        }
        return staff;
    }

    /**
     * Appends an audit row for an action the BFF performs itself. A row the connector does not take is logged (action
     * and outcome label only) and fails the action: {@code UPSTREAM_UNAVAILABLE}, {@code INTERNAL}, ...
     */
    public void audit(
            String staffId,
            String action,
            @Nullable String practiceId,
            @Nullable String transactionId,
            @Nullable Long amountCents,
            @Nullable String reference) {
        EmrOutcome<Void> result =
                emr.audit(staffId, new StaffAuditEntry(action, practiceId, transactionId, amountCents, reference));
        if (!(result instanceof EmrOutcome.Found<Void>)) {
            LOG.warn("staff audit row not written ({}, {})", action, result.label());
            throw ConnectorErrors.toApi(result, "");
        }
    }

    /** {@code FORBIDDEN}: the caller's role does not allow this for that practice. */
    public static PaymentsException forbidden() {
        return new PaymentsException(ErrorCode.FORBIDDEN, "Your role does not allow this for that practice.");
    }
}
