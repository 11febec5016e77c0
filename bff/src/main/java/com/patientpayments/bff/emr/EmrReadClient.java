package com.patientpayments.bff.emr;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.retry.annotation.CircuitBreaker;

import java.util.Optional;

/**
 * Read calls to the EMR connector (practice landing data, sign-in lookup, household and open charges). All are
 * idempotent, so they are retried once on a transport failure; a circuit breaker makes a down connector answer at once
 * (the GraphQL layer reports {@code UPSTREAM_UNAVAILABLE}). A 404 is an empty {@link Optional}, never an error.
 * Timeouts: {@code micronaut.http.services.emr.*} in application.yml.
 */
@Client(id = "emr")
@CircuitBreaker(attempts = "${payments.emr.read-attempts:2}", delay = "${payments.emr.retry-delay:50ms}",
        reset = "${payments.emr.circuit-reset:5s}")
public interface EmrReadClient {

    @Get("/api/v1/practices/by-hash/{hash}")
    Optional<EmrPractice> practiceByHash(String hash);

    @Get("/api/v1/practices/{practiceId}")
    Optional<EmrPractice> practice(String practiceId);

    @Post("/api/v1/households/lookup")
    Optional<EmrHousehold> lookup(@Body HouseholdLookup lookup);

    @Get("/api/v1/households/{householdId}")
    Optional<EmrHousehold> household(String householdId);

    @Get("/api/v1/households/{householdId}/charges")
    Optional<EmrOpenCharges> openCharges(String householdId);
}
