package com.patientpayments.emr;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Connector settings under {@code payments.emr}. Every key is bound to its environment variable in
 * {@code application.yml}, which also holds its default (empty key, false flags), once.
 *
 * @param apiKey     the service credential callers send in {@code X-Api-Key} (env {@code EMR_API_KEY}); required —
 *                   only the embedded demo mode supplies the documented default {@code demo-emr-api-key}
 * @param docsPublic serve the OpenAPI document and Swagger UI without the credential (env {@code EMR_DOCS_PUBLIC})
 * @param seedDemo   seed the demo practices and households at start-up when the database is empty
 *                   (env {@code EMR_SEED_DEMO})
 * @param embedded   the embedded demo ({@code PAYMENTS_EMBEDDED=true}, or no {@code DATABASE_URL}: the connector runs
 *                   its own PostgreSQL): only then is the public demo credential accepted
 */
@ConfigurationProperties("payments.emr")
public record EmrSettings(String apiKey, boolean docsPublic, boolean seedDemo, boolean embedded) {

    /** The demo's documented, public service credential (README); refused outside the embedded demo. */
    public static final String DEMO_API_KEY = "demo-emr-api-key";
}
