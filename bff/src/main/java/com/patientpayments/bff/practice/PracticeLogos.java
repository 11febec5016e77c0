package com.patientpayments.bff.practice;

import com.patientpayments.bff.emr.PracticeLogoReader;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Published practice logos by content hash, fetched from the connector and kept in memory (at most
 * {@value #CAPACITY} logos, least recently used out; a logo is at most 256 KiB). The web page and the PDF receipt use
 * the same bytes. Blocking: call off the event loop.
 */
@Singleton
public class PracticeLogos {

    static final int CAPACITY = 64;
    private static final Logger LOG = LoggerFactory.getLogger(PracticeLogos.class);

    /** A logo's bytes and content type. */
    public record Image(String contentType, String sha256, byte[] bytes) {}

    private final PracticeLogoReader logos;
    private final PracticeService practices;
    private final Map<String, Image> bySha = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > CAPACITY;
        }
    };

    public PracticeLogos(PracticeLogoReader logos, PracticeService practices) {
        this.logos = logos;
        this.practices = practices;
    }

    /**
     * The published logo of the practice with landing hash {@code practiceHash} whose SHA-256 is {@code sha256};
     * empty when the practice is unknown or has no logo, its published logo is another one now, or the connector cannot
     * be reached (a logo is never worth an error).
     */
    public Optional<Image> published(String practiceHash, String sha256) {
        synchronized (bySha) {
            Image cached = bySha.get(sha256);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        try {
            Optional<String> practiceId = practices.practice(practiceHash).map(p -> p.id());
            if (practiceId.isEmpty()) {
                return Optional.empty();
            }
            Optional<PracticeLogoReader.Logo> logo = logos.logo(practiceId.get());
            if (logo.isEmpty()) {
                return Optional.empty();
            }
            byte[] bytes = logo.get().bytes();
            Image image = new Image(logo.get().contentType(), sha256(bytes), bytes);
            if (!image.sha256().equals(sha256)) {
                return Optional.empty();
            }
            synchronized (bySha) {
                bySha.put(sha256, image);
            }
            return Optional.of(image);
        } catch (com.patientpayments.bff.PaymentsException e) {
            LOG.warn("practice logo could not be fetched ({})", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /**
     * The draft logo's bytes of the practice with landing hash {@code practiceHash}, for the console's preview only
     * (never cached: a draft changes); empty when the practice is unknown, has no draft logo, or the connector cannot be
     * reached.
     */
    public Optional<byte[]> draft(String practiceHash) {
        try {
            return practices
                    .practice(practiceHash)
                    .flatMap(p -> logos.draftLogo(p.id()))
                    .map(PracticeLogoReader.Logo::bytes);
        } catch (com.patientpayments.bff.PaymentsException e) {
            LOG.warn("draft logo could not be fetched ({})", e.getClass().getSimpleName());
            return Optional.empty();
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
