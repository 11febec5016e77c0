package com.patientpayments.bff.emr;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The practice's receipt branding texts (signature area, footer) from the connector: the published ones for every
 * receipt a patient gets, the draft only for the console's preview. When the connector cannot answer, the receipt is
 * printed without them (a receipt is never refused for its decoration).
 */
@Singleton
public class ReceiptBrandingTexts {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiptBrandingTexts.class);
    private final EmrClient emr;

    public ReceiptBrandingTexts(EmrClient emr) {
        this.emr = emr;
    }

    /**
     * Texts a receipt prints, and the SHA-256 of the logo that state prints (the draft's for a preview); null fields
     * print nothing.
     */
    @Serdeable
    public record Texts(
            @Nullable String signatureText,
            @Nullable String footerText,
            @Nullable String logoSha256) {
        /** No branding texts. */
        public static final Texts NONE = new Texts(null, null, null);
    }

    /** The published texts of the practice with this hash. */
    public Texts published(String practiceHash) {
        return fetch(practiceHash, "PUBLISHED");
    }

    /** The draft texts and logo (the console's preview); the published ones while no draft was started. */
    public Texts draft(String practiceHash) {
        return fetch(practiceHash, "DRAFT");
    }

    private Texts fetch(String hash, String state) {
        if (hash == null || !hash.matches("[A-Za-z0-9]{1,32}")) {
            return Texts.NONE;
        }
        EmrOutcome<Texts> r = emr.exchange(
                true,
                HttpRequest.GET("/api/v1/practices/by-hash/" + URLEncoder.encode(hash, StandardCharsets.UTF_8)
                        + "/receipt-branding?state=" + state),
                Argument.of(Texts.class));
        if (r instanceof EmrOutcome.Found<Texts> f && f.value() != null) {
            return f.value();
        }
        if (!r.isNotFound()) {
            LOG.warn("receipt branding texts not read ({}); printing without them", r.label());
        }
        return Texts.NONE;
    }
}
