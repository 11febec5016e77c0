package com.patientpayments.bff.reconciliation;

import java.time.Instant;

/**
 * Published (as a Micronaut application event) after each scheduled reconciliation run, so that the console's
 * operations view records runs without reconciliation depending on the console.
 *
 * @param started when the run started
 * @param report  what the run found and repaired
 */
public record ReconciliationCompleted(Instant started, Reconciliation.Report report) {}
