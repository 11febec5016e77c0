package com.patientpayments.emr.api;

import com.patientpayments.contract.BrandingState;
import com.patientpayments.contract.ConsolePayment;
import com.patientpayments.contract.RefundRequest;
import com.patientpayments.contract.RoiReport;
import com.patientpayments.contract.TransactionStatus;
import com.patientpayments.emr.EmrException;
import com.patientpayments.emr.console.*;
import com.patientpayments.emr.household.HouseholdRepository;
import com.patientpayments.emr.practice.PracticeRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import io.swagger.v3.oas.annotations.Operation;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The practice console's reads and writes for one practice, on behalf of a staff member ({@code X-Staff-Id}, behind
 * the service credential). Every call checks that the staff member may see the practice (a membership, or the
 * vendor's support) — another practice answers 404 like an unknown one — and appends its audit row in the same
 * transaction. Writes also check the role (refunds: admin or billing; branding: admin).
 */
@Controller("/api/v1/console/practices/{practiceId}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConsoleController {
    /** Header naming the staff member the BFF acts for. */
    public static final String STAFF_HEADER = "X-Staff-Id";

    private final TransactionOperations<Connection> tx;
    private final StaffAccounts accounts;
    private final StaffAudit audit;
    private final ConsolePayments payments;
    private final ConsoleRefunds refunds;
    private final ReceiptBranding branding;
    private final Roi roi;
    private final PracticeRepository practices;
    private final HouseholdRepository households;

    public ConsoleController(
            TransactionOperations<Connection> tx,
            StaffAccounts accounts,
            StaffAudit audit,
            ConsolePayments payments,
            ConsoleRefunds refunds,
            ReceiptBranding branding,
            Roi roi,
            PracticeRepository practices,
            HouseholdRepository households) {
        this.tx = tx;
        this.practices = practices;
        this.households = households;
        this.accounts = accounts;
        this.audit = audit;
        this.payments = payments;
        this.refunds = refunds;
        this.branding = branding;
        this.roi = roi;
    }

    /** The provider's answer to a refund request: its refund id, or null when it refused. */
    @Serdeable
    public record Settlement(@Nullable String providerRefundId) {}

    /** A household by account number (statement links): only that it exists. */
    @Serdeable
    public record HouseholdRef(String accountNumber) {}

    @Operation(summary = "Online payments of the practice, newest first, filtered, keyset-paginated")
    @Get("/payments")
    public ConsolePayment.Page payments(
            String practiceId,
            @Header(STAFF_HEADER) @Nullable String staffId,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String locationId,
            @Nullable @QueryValue String status,
            @Nullable @QueryValue Long minAmountCents,
            @Nullable @QueryValue Long maxAmountCents,
            @Nullable @QueryValue String accountNumber,
            @Nullable @QueryValue String transactionId,
            @Nullable @QueryValue String providerReference,
            @Nullable @QueryValue Integer first,
            @Nullable @QueryValue String after) {
        return as(practiceId, staffId, StaffRole.SUPPORT, (ctx) -> {
            ZoneId zone = ctx.zone;
            PaymentFilter filter = new PaymentFilter(
                    from == null ? null : day(from, "from").atStartOfDay(zone).toInstant(),
                    to == null
                            ? null
                            : day(to, "to").plusDays(1).atStartOfDay(zone).toInstant(),
                    locationId == null ? null : Ids.parse(locationId, "Location"),
                    statuses(status),
                    minAmountCents,
                    maxAmountCents,
                    blank(accountNumber),
                    transactionId == null ? null : uuidOrNone(transactionId),
                    blank(providerReference));
            audit.append(
                    ctx.c,
                    ctx.staff,
                    ctx.practice,
                    StaffAudit.Action.VIEW_PAYMENTS,
                    filter.transactionId(),
                    null,
                    null);
            return payments.page(ctx.c, ctx.practice, filter, first == null ? 50 : first, blank(after));
        });
    }

    @Operation(summary = "One online payment with allocations, timeline and audit rows; 404 when unknown")
    @Get("/payments/{transactionId}")
    public ConsolePayment payment(
            String practiceId, String transactionId, @Header(STAFF_HEADER) @Nullable String staffId) {
        UUID id = Ids.parse(transactionId, "Transaction");
        return as(practiceId, staffId, StaffRole.SUPPORT, ctx -> {
            var found =
                    payments.detail(ctx.c, ctx.practice, id).orElseThrow(() -> EmrException.notFound("Transaction"));
            audit.append(ctx.c, ctx.staff, ctx.practice, StaffAudit.Action.VIEW_PAYMENT, id, null, null);
            return found;
        });
    }

    @Operation(summary = "Record a refund request (admin, billing); the same idempotencyKey answers the same request")
    @Post("/refund-requests")
    public HttpResponse<RefundRequest> refund(
            String practiceId, @Header(STAFF_HEADER) @Nullable String staffId, @Body ConsoleRefunds.NewRequest body) {
        var view = as(
                practiceId, staffId, StaffRole.BILLING, ctx -> refunds.request(ctx.c, ctx.staff, ctx.practice, body));
        return HttpResponse.status(view.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(view);
    }

    @Operation(summary = "The provider's answer to a refund request (its refund id, or refused)")
    @Put("/refund-requests/{requestId}")
    public RefundRequest settle(
            String practiceId,
            String requestId,
            @Header(STAFF_HEADER) @Nullable String staffId,
            @Body Settlement body) {
        UUID id = Ids.parse(requestId, "Refund request");
        String refundId = body == null ? null : blank(body.providerRefundId());
        if (refundId != null && !refundId.matches("[A-Za-z0-9_]{1,255}")) {
            throw EmrException.invalid("providerRefundId is not a provider id.");
        }
        return as(practiceId, staffId, StaffRole.BILLING, ctx -> refunds.settle(ctx.c, ctx.practice, id, refundId));
    }

    @Operation(summary = "Receipt branding: the draft and the published state")
    @Get("/branding")
    public BrandingState branding(String practiceId, @Header(STAFF_HEADER) @Nullable String staffId) {
        return as(practiceId, staffId, StaffRole.SUPPORT, ctx -> branding.state(ctx.practice));
    }

    @Operation(summary = "Save receipt branding texts into the draft (admin)")
    @Put("/branding/draft")
    public BrandingState saveDraft(
            String practiceId, @Header(STAFF_HEADER) @Nullable String staffId, @Body ReceiptBranding.Edit edit) {
        return as(practiceId, staffId, StaffRole.PRACTICE_ADMIN, ctx -> {
            audit.append(ctx.c, ctx.staff, ctx.practice, StaffAudit.Action.BRANDING_SAVED, null, null, null);
            return branding.saveDraft(
                    ctx.c, ctx.practice, edit == null ? new ReceiptBranding.Edit(null, null, null) : edit);
        });
    }

    @Operation(summary = "Publish the branding draft (admin); 404 without a draft")
    @Post("/branding/publish")
    public BrandingState publish(String practiceId, @Header(STAFF_HEADER) @Nullable String staffId) {
        return as(practiceId, staffId, StaffRole.PRACTICE_ADMIN, ctx -> {
            audit.append(ctx.c, ctx.staff, ctx.practice, StaffAudit.Action.BRANDING_PUBLISHED, null, null, null);
            return branding.publish(ctx.c, ctx.practice);
        });
    }

    @Operation(summary = "ROI of online bill pay for a range of the practice's days, optionally one location")
    @Get("/roi")
    public RoiReport roi(
            String practiceId,
            @Header(STAFF_HEADER) @Nullable String staffId,
            @QueryValue String from,
            @QueryValue String to,
            @Nullable @QueryValue String locationId) {
        LocalDate start = day(from, "from");
        LocalDate end = day(to, "to");
        UUID location = locationId == null ? null : Ids.parse(locationId, "Location");
        return as(practiceId, staffId, StaffRole.SUPPORT, ctx -> {
            if (location != null && !practices.hasLocation(ctx.practice, location)) {
                throw EmrException.notFound("Location");
            }
            audit.append(ctx.c, ctx.staff, ctx.practice, StaffAudit.Action.VIEW_ROI, null, null, null);
            return roi.report(ctx.practice, ctx.zone, start, end, location);
        });
    }

    @Operation(summary = "Whether a household with this account number exists in the practice (statement links)")
    @Get("/households/by-account/{accountNumber}")
    public HouseholdRef household(
            String practiceId, String accountNumber, @Header(STAFF_HEADER) @Nullable String staffId) {
        return as(
                practiceId,
                staffId,
                StaffRole.SUPPORT,
                ctx -> households
                        .accountNumberIn(ctx.practice, accountNumber)
                        .map(HouseholdRef::new)
                        .orElseThrow(() -> EmrException.notFound("Household")));
    }

    /** What a console call runs with: its connection, the staff member, the practice, its time zone and the role. */
    private record Ctx(Connection c, UUID staff, UUID practice, ZoneId zone, StaffRole role) {}

    /**
     * Runs {@code work} in one transaction when the staff member may see the practice with at least {@code needs}
     * ({@code SUPPORT}: any role may read; {@code BILLING}: admin or billing; {@code PRACTICE_ADMIN}: admin only).
     */
    private <T> T as(String practiceId, @Nullable String staffId, StaffRole needs, Function<Ctx, T> work) {
        UUID practice = Ids.parse(practiceId, "Practice");
        UUID staff = Ids.parse(staffId, "Staff member");
        return tx.executeWrite(s -> {
            Connection c = s.getConnection();
            StaffRole role = accounts.role(staff, practice).orElseThrow(() -> EmrException.notFound("Practice"));
            boolean allowed = switch (needs) {
                case SUPPORT -> true;
                case BILLING -> role.canRefund();
                case PRACTICE_ADMIN -> role == StaffRole.PRACTICE_ADMIN;
            };
            if (!allowed) {
                throw EmrException.notFound("Practice");
            }
            ZoneId zone = ZoneId.of(practices.timeZone(practice).orElseThrow());
            return work.apply(new Ctx(c, staff, practice, zone, role));
        });
    }

    private static LocalDate day(String value, String field) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw EmrException.invalid(field + " must be an ISO date (yyyy-mm-dd).");
        }
    }

    private static @Nullable List<TransactionStatus> statuses(@Nullable String csv) {
        if (csv == null || csv.isBlank()) {
            return null;
        }
        List<TransactionStatus> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            try {
                out.add(TransactionStatus.valueOf(s.strip()));
            } catch (IllegalArgumentException e) {
                throw EmrException.invalid("status must list transaction statuses.");
            }
        }
        return out;
    }

    /** A transaction id filter: a non-UUID can match nothing (a fixed id no row has). */
    private static UUID uuidOrNone(String raw) {
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0);
        }
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
