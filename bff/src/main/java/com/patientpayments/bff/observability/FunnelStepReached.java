package com.patientpayments.bff.observability;

/**
 * Published (as a Micronaut application event) each time a patient reaches a funnel step, so that features which
 * persist the funnel (the console's daily counts) listen without observability depending on them.
 *
 * @param step         the step's enum name ({@code LANDING}, {@code SIGNED_IN}, {@code PAYMENT_STARTED},
 *                     {@code PAYMENT_COMPLETED})
 * @param practiceHash the practice's public hash (never a patient identifier)
 */
public record FunnelStepReached(String step, String practiceHash) {}
