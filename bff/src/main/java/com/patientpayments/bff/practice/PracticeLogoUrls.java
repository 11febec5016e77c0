package com.patientpayments.bff.practice;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The BFF's stable, content-hashed logo URLs: {@code /practice-logos/{hash}/{sha256}.png|svg}. A new logo gets a new
 * URL, so a URL's bytes never change and can be cached for a year ({@code immutable}).
 */
public final class PracticeLogoUrls {

    /** Path prefix served by {@link PracticeLogoController}. */
    public static final String PREFIX = "/practice-logos/";

    public static final Pattern FILE = Pattern.compile("([0-9a-f]{64})\\.(png|svg)");

    private PracticeLogoUrls() {}

    /** The URL of a practice's published logo, or null when it has none (or of a type the BFF does not serve). */
    public static @Nullable String url(
            @Nullable String practiceHash, @Nullable String contentType, @Nullable String sha256) {
        if (practiceHash == null || contentType == null || sha256 == null) {
            return null;
        }
        String ext = extension(contentType);
        return ext == null ? null : PREFIX + practiceHash + "/" + sha256.toLowerCase(Locale.ROOT) + "." + ext;
    }

    public static @Nullable String extension(String contentType) {
        switch (contentType) {
            case "image/png":
                return "png";
            case "image/svg+xml":
                return "svg";
            default:
                return null;
        }
    }
}
