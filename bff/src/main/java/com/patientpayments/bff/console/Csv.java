package com.patientpayments.bff.console;

import org.jspecify.annotations.Nullable;

/** RFC 4180 cells; a cell a spreadsheet would run as a formula ({@code = + - @}) is prefixed with {@code '}. */
public final class Csv {
    private Csv() {}

    /** The cell of {@code value} (null: empty). */
    public static String cell(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
