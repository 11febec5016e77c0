package com.patientpayments.bff.emr;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.client.annotation.Client;

/** The connector's published practice logo (blocking; call off the event loop). */
@Client(id = "emr")
@Header(name = "Accept", value = "image/png, image/svg+xml")
public interface PracticeLogoClient {

    /** The logo's bytes with its {@code Content-Type}; 404 (an exception) when the practice has none. */
    @Get("/api/v1/practices/{practiceId}/logo")
    HttpResponse<byte[]> logo(String practiceId);

    /** The draft logo's bytes (console preview only); 404 (an exception) when there is no draft logo. */
    @Get("/api/v1/practices/{practiceId}/logo/draft")
    HttpResponse<byte[]> draftLogo(String practiceId);
}
