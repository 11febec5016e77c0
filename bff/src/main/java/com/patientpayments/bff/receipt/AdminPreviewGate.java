package com.patientpayments.bff.receipt;

/**
 * Whether practice-admin receipt previews may run at all: decided once at start-up by the service's secrets guard
 * ({@code web.DemoSecretsGuard}); without one (an operator command) they are off.
 */
public interface AdminPreviewGate {

    /** True when a configured admin secret (or the embedded demo) lets previews verify admin tokens. */
    boolean adminPreviewsEnabled();
}
