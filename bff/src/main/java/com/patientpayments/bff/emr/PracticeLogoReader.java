package com.patientpayments.bff.emr;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a practice's published logo from the connector through {@link PracticeLogoClient}, keeping HTTP inside this
 * package: a practice without a logo (404) and a connector that cannot be reached both answer empty (a logo is never
 * worth an error); any failure but a 404 is logged by status or type only.
 */
@Singleton
public class PracticeLogoReader {

    private static final Logger LOG = LoggerFactory.getLogger(PracticeLogoReader.class);

    private final PracticeLogoClient client;

    public PracticeLogoReader(PracticeLogoClient client) {
        this.client = client;
    }

    /** A logo's media type ({@code image/png}, {@code image/svg+xml}) and bytes. */
    public record Logo(String contentType, byte[] bytes) {}

    /** The logo of the practice with connector id {@code practiceId}; empty as described above. */
    public Optional<Logo> logo(String practiceId) {
        return read(() -> client.logo(practiceId));
    }

    /** The draft logo of the practice (the console's preview only; never on a patient's receipt); empty as above. */
    public Optional<Logo> draftLogo(String practiceId) {
        return read(() -> client.draftLogo(practiceId));
    }

    private static Optional<Logo> read(java.util.function.Supplier<io.micronaut.http.HttpResponse<byte[]>> call) {
        try {
            var response = call.get();
            byte[] bytes = response.body();
            if (bytes == null || response.getContentType().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Logo(response.getContentType().get().getName(), bytes));
        } catch (HttpClientResponseException e) {
            if (e.getStatus() != HttpStatus.NOT_FOUND) {
                LOG.warn(
                        "practice logo could not be fetched ({})", e.getStatus().getCode());
            }
            return Optional.empty();
        } catch (HttpClientException e) {
            LOG.warn("practice logo could not be fetched ({})", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
