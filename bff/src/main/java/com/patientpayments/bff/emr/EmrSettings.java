package com.patientpayments.bff.emr;

import io.micronaut.context.annotation.ConfigurationProperties;
import org.jspecify.annotations.Nullable;

/**
 * The connector's credential ({@code payments.emr.*}; the connector's addresses are Micronaut's
 * {@code micronaut.http.services.emr.urls}).
 *
 * @param apiKey the service credential sent as {@link EmrApiKeyFilter#HEADER} (env {@code EMR_API_KEY}; the demo's
 *               documented value is the default, which web.DemoSecretsGuard refuses outside the demo)
 */
@ConfigurationProperties("payments.emr")
public record EmrSettings(@Nullable String apiKey) {}
