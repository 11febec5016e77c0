package com.patientpayments.bff.ratelimit;

/**
 * The outcome of {@link AttemptLimiter#reserve}: either every limit granted one attempt (which now counts against
 * them) or none did. An attempt that turns out to be legitimate (a successful sign-in, a known practice) gives its
 * attempts back with {@link #release()}, so only failures and attempts still in flight use up a limit.
 */
public interface Reservation {

    /** Whether the attempt may go ahead. */
    boolean granted();

    /** Gives the reserved attempts back (no-op when refused or already released). */
    void release();
}
