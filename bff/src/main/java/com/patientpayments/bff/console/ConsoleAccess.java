package com.patientpayments.bff.console;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import com.patientpayments.bff.emr.ConnectorErrors;
import com.patientpayments.bff.emr.EmrOutcome;
import com.patientpayments.bff.graphql.GraphQLRequestContext;
import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may do what in the console. The staff member comes from the staff session only (never the patient's); their
 * practices and roles from the connector, once per request. Roles:
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
    private static final String STAFF = "pp.console.staff";

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

        private final Set<String> roles;

        Capability(Set<String> roles) {
            this.roles = roles;
        }
    }

    private final StaffSessions sessions;
    private final ConsoleEmr emr;

    public ConsoleAccess(StaffSessions sessions, ConsoleEmr emr) {
        this.sessions = sessions;
        this.emr = emr;
    }

    /** The signed-in staff member, or empty (no staff session, or the account is no longer active). */
    public Optional<ConsoleDtos.Staff> staff(DataFetchingEnvironment env) {
        return GraphQLRequestContext.computeIfAbsent(
                env,
                STAFF,
                () -> sessions.staffId(env).flatMap(id -> {
                    EmrOutcome<ConsoleDtos.Staff> found = emr.staff(id);
                    if (found instanceof EmrOutcome.Found<ConsoleDtos.Staff> f) {
                        return Optional.of(f.value());
                    }
                    if (found.isNotFound()) {
                        return Optional.empty();
                    }
                    throw ConnectorErrors.toApi(found, "");
                }));
    }

    /** The signed-in staff member, else {@code UNAUTHENTICATED}. */
    public ConsoleDtos.Staff require(DataFetchingEnvironment env) {
        return staff(env)
                .orElseThrow(
                        () -> new PaymentsException(ErrorCode.UNAUTHENTICATED, "Sign in to the practice console."));
    }

    /** The practice with the caller's role when the role has {@code needs}; else {@code FORBIDDEN}. */
    public ConsoleDtos.Practice practice(DataFetchingEnvironment env, String practiceId, Capability needs) {
        return practice(require(env), practiceId, needs);
    }

    /** As {@link #practice(DataFetchingEnvironment, String, Capability)} for a known staff member. */
    public static ConsoleDtos.Practice practice(ConsoleDtos.Staff staff, String practiceId, Capability needs) {
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

    /** The operations views: the vendor's support only. */
    public ConsoleDtos.Staff requireSupport(DataFetchingEnvironment env) {
        ConsoleDtos.Staff staff = require(env);
        if (!staff.support()) {
            throw forbidden();
        }
        return staff;
    }

    /** Appends an audit row for an action the BFF performs itself; a failure is logged, never shown. */
    public void audit(
            String staffId,
            String action,
            String practiceId,
            String transactionId,
            Long amountCents,
            String reference) {
        EmrOutcome<Void> result = emr.audit(staffId, action, practiceId, transactionId, amountCents, reference);
        if (!(result instanceof EmrOutcome.Found<Void>)) {
            LOG.warn("staff audit row not written ({}, {})", action, result.label());
            throw ConnectorErrors.toApi(result, "");
        }
    }

    static PaymentsException forbidden() {
        return new PaymentsException(ErrorCode.FORBIDDEN, "Your role does not allow this for that practice.");
    }
}
