package com.patientpayments.emr.api;

import com.patientpayments.contract.BrandingState;
import com.patientpayments.emr.EmrException;
import com.patientpayments.emr.console.*;
import com.patientpayments.emr.practice.PracticeRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import io.swagger.v3.oas.annotations.Operation;
import java.sql.Connection;
import java.util.UUID;

/**
 * The receipt branding texts a PDF prints, by practice hash (behind the service credential): the published ones for
 * every receipt, the draft for the console's preview (the published state while no draft was started: a draft starts
 * as a copy of it). No texts: both fields null. The logo that state prints is named by its SHA-256 (its bytes are
 * {@code /practices/{id}/logo} and {@code /logo/draft}); null prints none.
 */
@Controller("/api/v1/practices/by-hash/{hash}/receipt-branding")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReceiptBrandingController {
    private final TransactionOperations<Connection> tx;
    private final ReceiptBranding branding;
    private final PracticeRepository practices;

    public ReceiptBrandingController(
            TransactionOperations<Connection> tx, ReceiptBranding branding, PracticeRepository practices) {
        this.tx = tx;
        this.branding = branding;
        this.practices = practices;
    }

    /** The texts of one state and the SHA-256 of the logo it prints; null fields print nothing. */
    @Serdeable
    public record Texts(
            @Nullable String signatureText,
            @Nullable String footerText,
            @Nullable String logoSha256) {}

    @Operation(summary = "Receipt branding texts of a practice: state PUBLISHED (default) or DRAFT")
    @Get
    public Texts texts(String hash, @Nullable @QueryValue String state) {
        boolean draft = "DRAFT".equals(state);
        if (state != null && !draft && !"PUBLISHED".equals(state)) {
            throw EmrException.invalid("state must be PUBLISHED or DRAFT.");
        }
        return tx.executeRead(s -> {
            UUID practice = practices.practiceIdOfHash(hash).orElseThrow(() -> EmrException.notFound("Practice"));
            var state0 = branding.state(practice);
            BrandingState.Branding b = draft && state0.draft() != null ? state0.draft() : state0.published();
            return b == null
                    ? new Texts(null, null, null)
                    : new Texts(
                            blank(b.signatureText()),
                            blank(b.footerText()),
                            b.logo() == null ? null : b.logo().sha256());
        });
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
