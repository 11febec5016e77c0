package com.patientpayments.bff.graphql;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import graphql.schema.DataFetchingEnvironment;

/**
 * Checks on string arguments, with a specific {@code BAD_USER_INPUT} message naming the argument (never echoing the
 * value, which may be PII).
 */
public final class Arguments {

    /** Tab, ZWSP, ZWNJ, ZWJ, LRM, RLM, word joiner, BOM, soft hyphen. */
    private static final java.util.Set<Integer> INVISIBLE_IN_NAMES =
            java.util.Set.of(0x09, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x00AD);

    private Arguments() {}

    /** A required, non-blank argument of at most {@code maxLength} characters without control characters, trimmed. */
    public static String text(DataFetchingEnvironment env, String name, int maxLength) {
        return checked(env, name, maxLength, Arguments::forbidden);
    }

    /**
     * A person's name as typed on a phone: like {@link #text} but tabs and the invisible characters keyboards and
     * copy-paste leave in names (zero-width space and joiners, word joiner, soft hyphen, byte-order mark,
     * left-to-right/right-to-left marks) are allowed — the connector's name rule ignores them (emr-connector
     * {@code household.LastNames}). Other control and format characters (bidi overrides and isolates) are refused.
     */
    public static String personName(DataFetchingEnvironment env, String name, int maxLength) {
        return checked(env, name, maxLength, cp -> !INVISIBLE_IN_NAMES.contains(cp) && forbidden(cp));
    }

    /** The argument, non-blank, at most {@code maxLength} characters, none {@code refused}; trimmed. */
    private static String checked(
            DataFetchingEnvironment env, String name, int maxLength, java.util.function.IntPredicate refused) {
        Object raw = env.getArgument(name);
        if (!(raw instanceof String value) || value.isBlank()) {
            throw new PaymentsException(ErrorCode.BAD_USER_INPUT, "`" + name + "` must not be empty.");
        }
        if (value.length() > maxLength) {
            throw new PaymentsException(
                    ErrorCode.BAD_USER_INPUT, "`" + name + "` is too long (at most " + maxLength + " characters).");
        }
        if (value.codePoints().anyMatch(refused)) {
            throw new PaymentsException(
                    ErrorCode.BAD_USER_INPUT, "`" + name + "` contains characters that are not allowed.");
        }
        return value.strip();
    }

    /** Control, format (bidi overrides, zero-width), line/paragraph separators, lone surrogates, unassigned. */
    private static boolean forbidden(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp)
                || type == Character.FORMAT
                || type == Character.SURROGATE
                || type == Character.UNASSIGNED
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.PRIVATE_USE;
    }

    /** An id-like argument: 1..{@code maxLength} characters of letters, digits, '-' and '_'. */
    public static String id(DataFetchingEnvironment env, String name, int maxLength) {
        String value = text(env, name, maxLength);
        if (!value.matches("[A-Za-z0-9_-]+")) {
            throw new PaymentsException(ErrorCode.BAD_USER_INPUT, "`" + name + "` is not a valid identifier.");
        }
        return value;
    }
}
