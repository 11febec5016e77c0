package com.patientpayments.emr.api;

import com.patientpayments.emr.EmrException;
import org.jspecify.annotations.Nullable;

/** Bounds for every amount the API accepts: whole cents, positive, at most $100,000.00. */
public final class Amounts {
    public static final long MAX_CENTS = 10_000_000L;

    private Amounts() {}

    public static long require(java.math.@Nullable BigDecimal cents, String field) {
        if (cents == null) {
            throw EmrException.invalid(field + " is required.");
        }
        if (cents.signum() <= 0) {
            throw EmrException.invalid(field + " must be a positive number of cents.");
        }
        if (cents.compareTo(java.math.BigDecimal.valueOf(MAX_CENTS)) > 0) {
            throw EmrException.invalid(field + " must not exceed " + MAX_CENTS + " cents.");
        }
        if (cents.stripTrailingZeros().scale() > 0) {
            throw EmrException.invalid(field + " must be a whole number of cents.");
        }
        return require(cents.longValue(), field);
    }

    public static long require(@Nullable Long cents, String field) {
        if (cents == null) {
            throw EmrException.invalid(field + " is required.");
        }
        if (cents <= 0) {
            throw EmrException.invalid(field + " must be a positive number of cents.");
        }
        if (cents > MAX_CENTS) {
            throw EmrException.invalid(field + " must not exceed " + MAX_CENTS + " cents.");
        }
        return cents;
    }

    public static String requireText(@Nullable String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw EmrException.invalid(field + " is required.");
        }
        if (value.length() > maxLength) {
            throw EmrException.invalid(field + " must be at most " + maxLength + " characters.");
        }
        if (hasControlCharacters(value)) {
            throw EmrException.invalid(field + " must not contain control characters.");
        }
        return value;
    }

    /** PostgreSQL refuses NUL in text; other control characters never belong in these fields either. */
    public static boolean hasControlCharacters(String value) {
        return value.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f);
    }

    /** A reference taken from a URL path: one that could never have been stored is simply not found. */
    public static String pathReference(@Nullable String value, String what) {
        if (value == null
                || value.isEmpty()
                || value.length() > 255
                || !value.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
            throw EmrException.notFound(what);
        }
        return value;
    }

    public static @Nullable String optionalText(@Nullable String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return requireText(value, field, maxLength);
    }

    /** An external reference (provider ids, idempotency keys): visible ASCII, no spaces, bounded. */
    public static String reference(@Nullable String value, String field) {
        String text = requireText(value, field, 255);
        if (!text.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
            throw EmrException.invalid(field + " must be visible ASCII without spaces.");
        }
        return text;
    }

    public static @Nullable String optionalReference(@Nullable String value, String field) {
        return value == null || value.isEmpty() ? null : reference(value, field);
    }

    /** Only US dollars are supported; providers send lower case ("usd"). */
    public static String currency(@Nullable String value) {
        if (value == null || !value.equalsIgnoreCase("USD")) {
            throw EmrException.invalid("currency must be USD.");
        }
        return "USD";
    }
}
