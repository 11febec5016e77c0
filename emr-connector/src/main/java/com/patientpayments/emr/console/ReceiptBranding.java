package com.patientpayments.emr.console;

import com.patientpayments.contract.BrandingState;
import com.patientpayments.emr.EmrException;
import com.patientpayments.emr.Jdbc;
import com.patientpayments.emr.practice.PracticeLogos;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A practice's receipt branding: signature-area text and footer (here) and the logo ({@link PracticeLogos}, V6), each
 * as a draft being edited and as published. Patients' receipts read only the published state. The texts are read
 * through {@link ReceiptBrandingRepository} on the caller's transaction; the draft's locking read when publishing and
 * the writes (upserts) are plain JDBC on its connection.
 */
@Singleton
public class ReceiptBranding {
    private final PracticeLogos logos;
    private final ReceiptBrandingRepository texts;

    public ReceiptBranding(PracticeLogos logos, ReceiptBrandingRepository texts) {
        this.logos = logos;
        this.texts = texts;
    }

    /** Fields to change in the draft; null fields stay. {@code removeLogo} prints no logo. */
    @Serdeable
    public record Edit(
            @Nullable String signatureText,
            @Nullable String footerText,
            @Nullable Boolean removeLogo) {}

    /** The draft and the published branding; call inside a transaction (it reads on that one's connection). */
    public BrandingState state(UUID practiceId) {
        return new BrandingState(
                read(practiceId, PracticeLogos.State.DRAFT).orElse(null),
                read(practiceId, PracticeLogos.State.PUBLISHED).orElse(null));
    }

    /** Saves text edits into the draft (created from the published state the first time). */
    public BrandingState saveDraft(Connection c, UUID practiceId, Edit edit) {
        if (edit.signatureText() != null && edit.signatureText().length() > 200) {
            throw EmrException.invalid("signatureText is at most 200 characters.");
        }
        if (edit.footerText() != null && edit.footerText().length() > 500) {
            throw EmrException.invalid("footerText is at most 500 characters.");
        }
        ensureDraft(c, practiceId);
        Jdbc.update(
                c,
                "UPDATE receipt_branding SET signature_text = COALESCE(?, signature_text),"
                        + " footer_text = COALESCE(?, footer_text), logo_removed = COALESCE(?, logo_removed),"
                        + " updated_at = now() WHERE practice_id = ? AND state = 'DRAFT'",
                blankToEmpty(edit.signatureText()),
                blankToEmpty(edit.footerText()),
                edit.removeLogo(),
                practiceId);
        return state(practiceId);
    }

    /** Marks the draft as having a new logo (the logo itself is saved through {@link PracticeLogos#saveDraft}). */
    public void logoChanged(Connection c, UUID practiceId) {
        ensureDraft(c, practiceId);
        Jdbc.update(
                c,
                "UPDATE receipt_branding SET logo_removed = FALSE, updated_at = now()"
                        + " WHERE practice_id = ? AND state = 'DRAFT'",
                practiceId);
    }

    /** Publishes the draft: texts, and the draft logo (or no logo). {@code NOT_FOUND} without a draft. */
    public BrandingState publish(Connection c, UUID practiceId) {
        var draft = Jdbc.one(
                        c,
                        "SELECT signature_text, footer_text, logo_removed FROM receipt_branding"
                                + " WHERE practice_id = ? AND state = 'DRAFT' FOR UPDATE",
                        rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getBoolean(3)},
                        practiceId)
                .orElseThrow(() -> EmrException.notFound("Branding draft"));
        Jdbc.update(
                c,
                "INSERT INTO receipt_branding (practice_id, state, signature_text, footer_text, logo_removed)"
                        + " VALUES (?, 'PUBLISHED', ?, ?, ?) ON CONFLICT (practice_id, state) DO UPDATE SET"
                        + " signature_text = EXCLUDED.signature_text, footer_text = EXCLUDED.footer_text,"
                        + " logo_removed = EXCLUDED.logo_removed, updated_at = now()",
                practiceId,
                draft[0],
                draft[1],
                draft[2]);
        if ((Boolean) draft[2]) {
            Jdbc.update(c, "DELETE FROM practice_logos WHERE practice_id = ? AND state = 'PUBLISHED'", practiceId);
        } else if (logos.find(practiceId, PracticeLogos.State.DRAFT).isPresent()) {
            logos.publish(c, practiceId);
        }
        return state(practiceId);
    }

    /** The published texts for a practice's receipts (empty: none published). */
    public Optional<BrandingState.Branding> published(UUID practiceId) {
        return read(practiceId, PracticeLogos.State.PUBLISHED);
    }

    private void ensureDraft(Connection c, UUID practiceId) {
        Jdbc.update(
                c,
                "INSERT INTO receipt_branding (practice_id, state, signature_text, footer_text, logo_removed)"
                        + " SELECT ?, 'DRAFT', b.signature_text, b.footer_text, FALSE FROM (SELECT 1) one"
                        + " LEFT JOIN receipt_branding b ON b.practice_id = ? AND b.state = 'PUBLISHED'"
                        + " ON CONFLICT (practice_id, state) DO NOTHING",
                practiceId,
                practiceId);
        if (logos.find(practiceId, PracticeLogos.State.DRAFT).isEmpty()) {
            logos.find(practiceId, PracticeLogos.State.PUBLISHED)
                    .ifPresent(p -> logos.saveDraft(c, practiceId, p.logo().contentType(), p.bytes()));
        }
    }

    private Optional<BrandingState.Branding> read(UUID practiceId, PracticeLogos.State state) {
        var row = texts.texts(practiceId, state.name());
        var logo = logos.find(practiceId, state).map(PracticeLogos.Content::logo);
        if (row.isEmpty()) {
            return state == PracticeLogos.State.PUBLISHED && logo.isPresent()
                    ? Optional.of(new BrandingState.Branding(null, null, logo.get(), null))
                    : Optional.empty();
        }
        ReceiptBrandingRepository.TextsRow t = row.get();
        return Optional.of(new BrandingState.Branding(
                t.signatureText(),
                t.footerText(),
                t.logoRemoved() ? null : logo.orElse(null),
                t.updatedAt().toString()));
    }

    private static @Nullable String blankToEmpty(@Nullable String s) {
        return s == null ? null : s.strip();
    }
}
