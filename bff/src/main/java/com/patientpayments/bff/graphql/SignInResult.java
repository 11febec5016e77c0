package com.patientpayments.bff.graphql;

import org.jspecify.annotations.Nullable;

/** GraphQL {@code SignInResult}. */
public record SignInResult(
        boolean ok,
        @Nullable HouseholdRef household,
        @Nullable String message,
        @Nullable String idleExpiresAt) {

    /**
     * The one answer for every failure cause (unknown practice, unknown account, wrong name, locked), in the patient's
     * language ({@code es}, else English): check the bill; after several tries wait {@code minutes} or call the
     * practice. It never says which detail was wrong or that the account is locked.
     */
    static String failureMessage(String locale, long minutes) {
        if (locale != null && locale.toLowerCase(java.util.Locale.ROOT).startsWith("es")) {
            return "No pudimos iniciar sesión con esos datos. Revise el número de cuenta y el apellido tal como "
                    + "aparecen en su factura. Después de varios intentos, espere " + minutes + " minutos antes de "
                    + "volver a intentarlo o llame al consultorio.";
        }
        return "We couldn't sign you in with those details. Check the account number and the last name exactly as "
                + "they appear on your bill. After several tries, please wait " + minutes + " minutes before trying "
                + "again, or call the practice.";
    }

    static SignInResult failed(String locale, long minutes) {
        return new SignInResult(false, null, failureMessage(locale, minutes), null);
    }
}
