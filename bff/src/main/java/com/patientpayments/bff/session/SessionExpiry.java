package com.patientpayments.bff.session;

import java.time.Instant;

/**
 * When a patient session ends.
 *
 * @param idleExpiry  when it ends without further requests (renewed by every request)
 * @param absoluteEnd when it ends whatever the activity ({@code payments.session.absolute-timeout} after sign-in)
 */
public record SessionExpiry(Instant idleExpiry, Instant absoluteEnd) {}
