package com.patientpayments.emr.api;

import com.patientpayments.contract.StaffAuditEntry;
import com.patientpayments.emr.EmrException;
import com.patientpayments.emr.console.*;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import io.swagger.v3.oas.annotations.Operation;
import java.sql.Connection;
import java.util.UUID;

/**
 * Staff accounts for the practice console (behind the service credential): the sign-in check, a staff member with
 * their practices, and the audit rows of actions the BFF performs itself (sign-in, exports, operations).
 */
@Controller("/api/v1/staff")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StaffController {
    private final TransactionOperations<Connection> tx;
    private final StaffAccounts accounts;
    private final StaffAudit audit;

    public StaffController(TransactionOperations<Connection> tx, StaffAccounts accounts, StaffAudit audit) {
        this.tx = tx;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** The body of a sign-in check. */
    @Serdeable
    public record SignInCheck(
            String email, String password, @Nullable String otp) {}

    @Operation(
            summary = "Check a staff sign-in: OK with the staff member, OTP_REQUIRED, or INVALID (one answer for"
                    + " every failure)")
    @Post("/sign-in-check")
    public StaffAccounts.Check check(@Body SignInCheck body) {
        if (body == null
                || body.email() == null
                || body.password() == null
                || body.email().length() > 254
                || body.password().length() > 200
                || (body.otp() != null && body.otp().length() > 12)) {
            throw EmrException.invalid("email (≤ 254), password (≤ 200) and optional otp (≤ 12) are required.");
        }
        // A write: an accepted authenticator code is recorded so it cannot be used again.
        return tx.executeWrite(s -> accounts.check(s.getConnection(), body.email(), body.password(), body.otp()));
    }

    @Operation(summary = "A staff member with the practices they may see; 404 when unknown or deactivated")
    @Get("/{staffId}")
    public StaffView get(String staffId) {
        UUID id = Ids.parse(staffId, "Staff member");
        return tx.executeRead(s -> accounts.find(id)).orElseThrow(() -> EmrException.notFound("Staff member"));
    }

    @Operation(summary = "Append a staff audit row (ids and amounts only)")
    @Post("/{staffId}/audit")
    public HttpResponse<Void> audit(String staffId, @Body StaffAuditEntry entry) {
        UUID id = Ids.parse(staffId, "Staff member");
        StaffAudit.Action action;
        try {
            action = StaffAudit.Action.valueOf(entry == null || entry.action() == null ? "" : entry.action());
        } catch (IllegalArgumentException e) {
            throw EmrException.invalid("action is not a staff audit action.");
        }
        if (entry.reference() != null && entry.reference().length() > 255) {
            throw EmrException.invalid("reference is at most 255 characters.");
        }
        UUID practice = entry.practiceId() == null ? null : Ids.parse(entry.practiceId(), "Practice");
        UUID txId = entry.transactionId() == null ? null : Ids.parse(entry.transactionId(), "Transaction");
        tx.executeWrite(s -> {
            if (accounts.find(id).isEmpty()) {
                throw EmrException.notFound("Staff member");
            }
            audit.append(s.getConnection(), id, practice, action, txId, entry.amountCents(), entry.reference());
            return null;
        });
        return HttpResponse.noContent();
    }
}
