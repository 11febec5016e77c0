package com.patientpayments.bff.receipt;

import com.patientpayments.bff.ErrorCode;
import com.patientpayments.bff.PaymentsException;
import java.util.Locale;
import java.util.Map;

/**
 * The languages receipts (PDF and email) are written in: {@code en} and {@code es}, the SPA's languages. A language
 * tag is formatted in the practice's country (US): {@code en} as en-US, {@code es} as es-US ({@code $1,234.50},
 * {@code 3 de marzo de 2026}).
 *
 * <p>Unknown tags are refused with {@code BAD_USER_INPUT} naming the argument rather than silently printed in English:
 * a client that asked for a language it cannot get should know. A region or script in the tag is accepted and
 * ignored ({@code es-MX}, {@code EN_us}), since the formats follow the practice's country.
 */
public final class ReceiptLocale {

    /** The default language when neither the request nor the session names one. */
    public static final String DEFAULT = "en";

    private static final Map<String, Locale> SUPPORTED = Map.of("en", Locale.US, "es", new Locale("es", "US"));

    private ReceiptLocale() {}

    /**
     * The supported language of an argument ({@code en} or {@code es}); {@code fallback} when the argument is absent.
     *
     * @throws PaymentsException {@code BAD_USER_INPUT} for anything else, naming {@code argumentName}
     */
    public static String language(String argument, String argumentName, String fallback) {
        if (argument == null) {
            return fallback == null ? DEFAULT : fallback;
        }
        String tag = argument.strip().replace('_', '-');
        int dash = tag.indexOf('-');
        String language = (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
        if (tag.length() > 35 || !SUPPORTED.containsKey(language)) {
            throw new PaymentsException(
                    ErrorCode.BAD_USER_INPUT, "The " + argumentName + " argument must be one of: en, es.");
        }
        return language;
    }

    /** The formatting locale of a supported language; {@code en} (en-US) for anything else. */
    public static Locale locale(String language) {
        return SUPPORTED.getOrDefault(language == null ? DEFAULT : language, Locale.US);
    }
}
