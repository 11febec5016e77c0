package com.patientpayments.emr.household;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How sign-in compares last names: case, accents, apostrophes (' ’ ‘ `), hyphens and spaces do not matter, so
 * "O'Brien" = "obrien" = "  O’BRIEN " and "García" = "garcia" and "Nguyen-Smith" = "nguyen smith".
 */
public final class LastNames {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern IGNORED = Pattern.compile("['’‘`´ʼ\\-‐‑–—\\s]+");

    private LastNames() {
    }

    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        String noMarks = MARKS.matcher(decomposed).replaceAll("");
        return IGNORED.matcher(noMarks).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
