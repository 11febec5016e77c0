package com.patientpayments.emr.practice;

import com.patientpayments.contract.PracticeLogo;
import com.patientpayments.emr.EmrException;
import com.patientpayments.emr.Jdbc;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Practice logos ({@code practice_logos}): a DRAFT a practice console uploads and previews, and the PUBLISHED one
 * patients see. Uploads are checked before they are stored: PNG (decodable, at most {@link #MAX_PIXELS} pixels a
 * side) or SVG (sanitized, see {@link SvgSanitizer}), at most {@link #MAX_BYTES} bytes. Failures are
 * {@code VALIDATION_FAILED} with a message that says what to fix. Logos are read through {@link PracticeLogoRepository}
 * on the caller's transaction; the upsert ({@code ON CONFLICT}) is plain JDBC on its connection.
 */
@Singleton
public class PracticeLogos {

    /** Largest accepted logo, in bytes (256 KiB; the database checks it too). */
    public static final int MAX_BYTES = 256 * 1024;
    /** Largest accepted PNG width or height, in pixels. */
    public static final int MAX_PIXELS = 2048;

    public static final String PNG = "image/png";
    public static final String SVG = "image/svg+xml";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private final PracticeLogoRepository rows;

    public PracticeLogos(PracticeLogoRepository rows) {
        this.rows = rows;
    }

    /** Draft or published. */
    public enum State {
        DRAFT,
        PUBLISHED
    }

    /** A stored logo with its bytes. */
    public record Content(PracticeLogo logo, byte[] bytes) {}

    /** Validates (and for SVG, sanitizes) an upload; returns what would be stored. */
    public Content validate(String contentType, byte @Nullable [] bytes) {
        String type =
                contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (bytes == null || bytes.length == 0) {
            throw EmrException.invalid("The logo is empty.");
        }
        if (bytes.length > MAX_BYTES) {
            throw EmrException.invalid("The logo is larger than 256 KiB; please upload a smaller image.");
        }
        byte[] stored;
        if (PNG.equals(type)) {
            checkPng(bytes);
            stored = bytes;
        } else if (SVG.equals(type)) {
            stored = SvgSanitizer.sanitize(bytes);
            if (stored.length > MAX_BYTES) {
                throw EmrException.invalid("The logo is larger than 256 KiB; please upload a smaller image.");
            }
        } else {
            throw EmrException.invalid("The logo must be a PNG (image/png) or SVG (image/svg+xml) image.");
        }
        return new Content(new PracticeLogo(type, sha256(stored), stored.length), stored);
    }

    /** Stores a validated upload as the practice's draft (replacing the previous draft). */
    public PracticeLogo saveDraft(Connection c, UUID practiceId, String contentType, byte[] bytes) {
        Content content = validate(contentType, bytes);
        upsert(c, practiceId, State.DRAFT, content);
        return content.logo();
    }

    /** Publishes the draft: patients see it from now on. {@code NOT_FOUND} when there is no draft. */
    public PracticeLogo publish(Connection c, UUID practiceId) {
        Content draft = find(practiceId, State.DRAFT).orElseThrow(() -> EmrException.notFound("Logo draft"));
        upsert(c, practiceId, State.PUBLISHED, draft);
        return draft.logo();
    }

    /**
     * The logo of a practice in a state, with its bytes; empty when there is none. Call inside a transaction (it reads
     * on that transaction's connection, so it sees a draft saved earlier in it).
     */
    public Optional<Content> find(UUID practiceId, State state) {
        return rows.logo(practiceId, state.name())
                .map(r ->
                        new Content(new PracticeLogo(r.contentType(), r.sha256().trim(), r.sizeBytes()), r.content()));
    }

    private static void upsert(Connection c, UUID practiceId, State state, Content content) {
        Jdbc.update(
                c,
                "INSERT INTO practice_logos (practice_id, state, content_type, content, size_bytes, sha256)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (practice_id, state) DO UPDATE SET"
                        + " content_type = EXCLUDED.content_type, content = EXCLUDED.content,"
                        + " size_bytes = EXCLUDED.size_bytes, sha256 = EXCLUDED.sha256, updated_at = now()",
                practiceId,
                state.name(),
                content.logo().contentType(),
                content.bytes(),
                content.logo().sizeBytes(),
                content.logo().sha256());
    }

    private static void checkPng(byte[] bytes) {
        if (bytes.length < PNG_SIGNATURE.length
                || !Arrays.equals(Arrays.copyOf(bytes, PNG_SIGNATURE.length), PNG_SIGNATURE)) {
            throw EmrException.invalid("The logo is not a PNG image.");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw EmrException.invalid("The logo is not a PNG image.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > MAX_PIXELS || height > MAX_PIXELS) {
                    throw EmrException.invalid("The logo is larger than 2048 × 2048 pixels.");
                }
                reader.read(0); // decodes every pixel: a truncated or corrupt file fails here
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof EmrException) {
                throw (EmrException) e;
            }
            throw EmrException.invalid("The logo is not a readable PNG image.");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
