package com.patientpayments.emr.api;

import com.patientpayments.emr.ledger.ProviderEvents;
import com.patientpayments.emr.ledger.Requests;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Refund and dispute reports by the payment's provider reference, as webhooks carry them: applied when the payment is
 * posted, parked (202) until it is when only its attempt is known, 404 when no attempt carries the reference.
 */
@Controller("/api/v1/transactions/by-reference/{providerReference}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ProviderEventController {
    private final ProviderEvents events;

    public ProviderEventController(ProviderEvents events) {
        this.events = events;
    }

    @Operation(summary = "Refund report: 201 first, 200 again, 202 parked until the payment is posted")
    @Post("/refunds")
    public HttpResponse<?> refund(String providerReference, @Body Requests.Refund body) {
        String reference = Amounts.pathReference(providerReference, "Payment attempt for this provider reference");
        var outcome = events.refund(reference, ClaimRequests.refund(body));
        if (outcome.parked() != null) {
            return HttpResponse.accepted().body(outcome.parked());
        }
        return HttpResponse.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(outcome.applied());
    }

    @Operation(summary = "Dispute report: 200 applied, 202 parked until the payment is posted")
    @Post("/disputes")
    public HttpResponse<?> dispute(String providerReference, @Body Requests.Dispute body) {
        String reference = Amounts.pathReference(providerReference, "Payment attempt for this provider reference");
        var outcome = events.dispute(reference, ClaimRequests.dispute(body));
        if (outcome.parked() != null) {
            return HttpResponse.accepted().body(outcome.parked());
        }
        return HttpResponse.ok(outcome.applied());
    }
}
