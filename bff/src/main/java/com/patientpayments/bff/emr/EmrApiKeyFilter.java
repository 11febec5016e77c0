package com.patientpayments.bff.emr;

import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

/**
 * Adds the service credential to every request the BFF sends to the EMR connector (any declarative client with
 * {@code @Client(id = "emr")}). The key comes from the environment ({@code EMR_API_KEY}).
 */
@ClientFilter(serviceId = {"emr", "emr-staff"})
public class EmrApiKeyFilter {

    /** Header the connector reads the service credential from. */
    public static final String HEADER = "X-Api-Key";

    private final String apiKey;

    public EmrApiKeyFilter(EmrSettings settings) {
        this.apiKey = java.util.Objects.requireNonNull(settings.apiKey(), "payments.emr.api-key");
    }

    @RequestFilter
    public void addKey(MutableHttpRequest<?> request) {
        request.header(HEADER, apiKey);
    }
}
