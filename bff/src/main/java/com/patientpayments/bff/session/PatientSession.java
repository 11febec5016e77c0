package com.patientpayments.bff.session;

/**
 * The signed-in household, as the BFF knows it from the session cookie. Holds only opaque references: never the
 * account number or a name.
 *
 * @param sessionId    opaque id of this session (ends server-side on sign-out)
 * @param practiceId   the connector's practice id
 * @param practiceHash the practice's public landing hash (safe as a metric label)
 * @param householdId  the connector's household id
 * @param locale       the patient's language as given at sign-in ({@code en}, {@code es}); receipts default to it
 */
public record PatientSession(
        String sessionId, String practiceId, String practiceHash, String householdId, String locale) {

    public PatientSession {
        locale = locale == null || locale.isBlank() ? "en" : locale;
    }

    /** A session in the default language ({@code en}). */
    public PatientSession(String sessionId, String practiceId, String practiceHash, String householdId) {
        this(sessionId, practiceId, practiceHash, householdId, "en");
    }
}
