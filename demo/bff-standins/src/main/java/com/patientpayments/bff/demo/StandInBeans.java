package com.patientpayments.bff.demo;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The SES stand-in as a bean for the BFF's application context (demo jar and tests). The BFF's
 * {@code email.SesEndpoint} asks for the bean named {@value #SES} of type {@code Supplier<URI>} when
 * {@code SES_ENDPOINT} is not set; the production jar has no such bean and then refuses to start.
 */
@Factory
public class StandInBeans {

    /** The bean name the BFF asks for (the same literal as in {@code email.SesEndpoint}). */
    public static final String SES = "ses-stand-in";

    /**
     * Starts the SES stand-in on {@code payments.email.stand-in-port} (0: a free port) and, when
     * {@code payments.email.stand-in-url-file} names a file, writes its inbox URL there (the demo's {@code mail=}).
     *
     * @throws UncheckedIOException when the port cannot be bound or the file cannot be written
     */
    @Singleton
    @Named(SES)
    @Bean(preDestroy = "close")
    public SesStandIn sesStandIn(
            ObjectMapper json,
            @Value("${payments.email.stand-in-port:0}") int port,
            @Value("${payments.email.stand-in-url-file:}") String urlFile) {
        try {
            SesStandIn standIn = new SesStandIn(json, port);
            if (!urlFile.isBlank()) {
                Files.writeString(Path.of(urlFile), standIn.inboxUrl() + "\n", StandardCharsets.UTF_8);
            }
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
