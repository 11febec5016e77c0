package com.patientpayments.bff.web;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Whether this is the embedded demo ({@code payments.embedded}, env {@code PAYMENTS_EMBEDDED}, set by {@code make
 * demo}); the key sits directly under {@code payments}, so the record is bound to that prefix and reads only it.
 *
 * @param embedded true in the demo: documented demo secrets are accepted and the in-process stand-ins run (default
 *                 false, set in {@code application.yml} as {@code ${PAYMENTS_EMBEDDED:false}})
 */
@ConfigurationProperties("payments")
public record DemoModeSettings(boolean embedded) {}
