package com.patientpayments.emr.api;

import com.patientpayments.contract.AttemptStatus;
import com.patientpayments.contract.PaymentAttempt;
import com.patientpayments.emr.EmrException;
import com.patientpayments.emr.household.HouseholdRepository;
import com.patientpayments.emr.ledger.AllocationPreviewView;
import com.patientpayments.emr.ledger.Allocations;
import com.patientpayments.emr.ledger.Allocator;
import com.patientpayments.emr.ledger.Money;
import com.patientpayments.emr.ledger.PaymentAttempts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.transaction.TransactionOperations;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** A household's view of the ledger: the allocation preview and its recent payment attempts. */
@Controller("/api/v1/households/{householdId}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class HouseholdLedgerController {
    private final TransactionOperations<Connection> tx;
    private final Allocations allocations;
    private final PaymentAttempts attempts;
    private final HouseholdRepository households;

    public HouseholdLedgerController(
            TransactionOperations<Connection> tx,
            Allocations allocations,
            PaymentAttempts attempts,
            HouseholdRepository households) {
        this.tx = tx;
        this.allocations = allocations;
        this.attempts = attempts;
        this.households = households;
    }

    @Operation(summary = "How a payment of amountCents would be applied now (the posting's own allocator)")
    @Get("/allocation-preview")
    public AllocationPreviewView preview(String householdId, @QueryValue @Nullable BigDecimal amountCents) {
        UUID id = Ids.parse(householdId, "Household");
        long amount = Amounts.require(amountCents, "amountCents");
        return tx.executeRead(s -> {
            requireHousehold(id);
            Allocator.Allocation a = allocations.plan(s.getConnection(), id, Money.ofCents(amount));
            return new AllocationPreviewView(
                    id.toString(),
                    amount,
                    Money.CURRENCY,
                    a.lines().stream()
                            .map(l -> new AllocationPreviewView.Line(
                                    l.chargeId().toString(),
                                    l.applied().cents(),
                                    l.balanceAfter().cents()))
                            .toList(),
                    a.credit().cents());
        });
    }

    @Operation(summary = "Attempts created since an instant with the given statuses, newest first (at most 20)")
    @Get("/payment-attempts")
    public List<PaymentAttempt> recent(
            String householdId, @QueryValue @Nullable String since, @QueryValue @Nullable String status) {
        UUID id = Ids.parse(householdId, "Household");
        Instant from = TransactionController.instant(since, "since");
        Set<AttemptStatus> statuses = statuses(status);
        tx.executeRead(s -> {
            requireHousehold(id);
            return null;
        });
        return attempts.recent(id, from, statuses);
    }

    /** A comma-separated list of attempt statuses; empty or absent: all of them. */
    static Set<AttemptStatus> statuses(@Nullable String csv) {
        if (csv == null || csv.isBlank()) {
            return EnumSet.allOf(AttemptStatus.class);
        }
        Set<AttemptStatus> out = EnumSet.noneOf(AttemptStatus.class);
        for (String part : csv.split(",")) {
            try {
                out.add(AttemptStatus.valueOf(part.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw EmrException.invalid("status must list CREATED, PROCESSING, SUCCEEDED or FAILED.");
            }
        }
        return out;
    }

    private void requireHousehold(UUID id) {
        if (!households.exists(id)) {
            throw EmrException.notFound("Household");
        }
    }
}
