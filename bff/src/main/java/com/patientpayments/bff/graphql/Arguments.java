package com.patientpayments.bff.graphql;

import graphql.schema.DataFetchingEnvironment;

/**
 * Checks on string arguments, with a specific {@code BAD_USER_INPUT} message naming the argument (never echoing the
 * value, which may be PII).
 */
public final class Arguments {

    private Arguments() {
    }

    /** A required, non-blank argument of at most {@code maxLength} characters without control characters, trimmed. */
    public static String text(DataFetchingEnvironment env, String name, int maxLength) {
        Object raw = env.getArgument(name);
        if (!(raw instanceof String value) || value.isBlank()) {
            throw new ApiException(ErrorCode.BAD_USER_INPUT, "`" + name + "` must not be empty.");
        }
        if (value.length() > maxLength) {
            throw new ApiException(ErrorCode.BAD_USER_INPUT, "`" + name + "` is too long (at most " + maxLength + " characters).");
        }
        if (value.codePoints().anyMatch(cp -> Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                || Character.getType(cp) == Character.SURROGATE || Character.getType(cp) == Character.UNASSIGNED)) {
            throw new ApiException(ErrorCode.BAD_USER_INPUT, "`" + name + "` contains characters that are not allowed.");
        }
        return value.strip();
    }

    /** An id-like argument: 1..{@code maxLength} characters of letters, digits, '-' and '_'. */
    public static String id(DataFetchingEnvironment env, String name, int maxLength) {
        String value = text(env, name, maxLength);
        if (!value.matches("[A-Za-z0-9_-]+")) {
            throw new ApiException(ErrorCode.BAD_USER_INPUT, "`" + name + "` is not a valid identifier.");
        }
        return value;
    }
}
