package com.patientpayments.emr.api;

import com.patientpayments.contract.PaymentAttempt;
import com.patientpayments.emr.EmrException;
import com.patientpayments.emr.ledger.PaymentAttempts;
import com.patientpayments.emr.ledger.Requests;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;

/** Payment attempts: the link from a provider intent to a household and amount. */
@Controller("/api/v1/payment-attempts")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PaymentAttemptController {
    private final PaymentAttempts attempts;

    public PaymentAttemptController(PaymentAttempts attempts) {
        this.attempts = attempts;
    }

    @Operation(summary = "Record an attempt: 201 new, 200 same household+key+amount, 409 same key other amount")
    @Post
    public HttpResponse<PaymentAttempt> create(@Body Requests.CreateAttempt body) {
        if (body == null) {
            throw EmrException.invalid("A JSON body is required.");
        }
        long amount = Amounts.require(body.amountCents(), "amountCents");
        String key = Amounts.reference(body.idempotencyKey(), "idempotencyKey");
        if (key.length() > 200) {
            throw EmrException.invalid("idempotencyKey must be at most 200 characters.");
        }
        if (body.householdId() == null) {
            throw EmrException.invalid("householdId is required.");
        }
        var result = attempts.create(Ids.parse(body.householdId(), "Household"), amount, key);
        return HttpResponse.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(result.attempt());
    }

    @Operation(summary = "Attempt by id")
    @Get("/{attemptId}")
    public PaymentAttempt get(String attemptId) {
        return attempts.get(Ids.parse(attemptId, "Payment attempt"));
    }

    @Operation(summary = "Attach the provider intent (same value again is a no-op, another value 409)")
    @Put("/{attemptId}/intent")
    public PaymentAttempt setIntent(String attemptId, @Body Requests.SetIntent body) {
        var id = Ids.parse(attemptId, "Payment attempt");
        String intent = Amounts.reference(body == null ? null : body.providerIntentId(), "providerIntentId");
        return attempts.setIntent(id, intent);
    }

    @Operation(summary = "Attempt by provider intent id")
    @Get("/by-intent/{providerIntentId}")
    public PaymentAttempt byIntent(String providerIntentId) {
        return attempts.byIntent(Amounts.pathReference(providerIntentId, "Payment attempt"));
    }

    @Operation(
            summary = "Open attempts (status, default CREATED,PROCESSING) unchanged since updatedBefore, oldest first")
    @Get
    public List<PaymentAttempt> stale(
            @QueryValue @Nullable String status,
            @QueryValue @Nullable String updatedBefore,
            @QueryValue @Nullable Integer limit) {
        var statuses = HouseholdLedgerController.statuses(status == null ? "CREATED,PROCESSING" : status);
        Instant before = TransactionController.instant(updatedBefore, "updatedBefore");
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > 500) {
            throw EmrException.invalid("limit must be between 1 and 500.");
        }
        return attempts.stale(statuses, before, max);
    }

    @Operation(summary = "The patient confirms again after a decline: FAILED moves back to PROCESSING")
    @Post("/{attemptId}/resume")
    public PaymentAttempt resume(String attemptId) {
        return attempts.resume(Ids.parse(attemptId, "Payment attempt"));
    }

    @Operation(summary = "Record a failure; never overrides SUCCEEDED")
    @Post("/{attemptId}/failure")
    public HttpResponse<PaymentAttempt> failure(String attemptId, @Body Requests.Failure body) {
        var id = Ids.parse(attemptId, "Payment attempt");
        if (body == null) {
            throw EmrException.invalid("A JSON body is required.");
        }
        String code = Amounts.requireText(body.failureCode(), "failureCode", 100);
        // Provider messages are free text: flatten line breaks and the like rather than refuse the failure.
        String message = body.failureMessage() == null
                ? null
                : Amounts.optionalText(body.failureMessage().replaceAll("\\p{Cntrl}", " "), "failureMessage", 500);
        return HttpResponse.ok(attempts.fail(id, Amounts.optionalReference(body.eventId(), "eventId"), code, message));
    }
}
