package com.patientpayments.bff.demo;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.type.Argument;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The SES and Stripe stand-ins as beans for the BFF's application context (demo jar and tests). The BFF's
 * {@code email.SesEndpoint} asks for the bean named {@value #SES} of type {@code Supplier<URI>} when
 * {@code SES_ENDPOINT} is not set, its {@code payment.StripeEndpoint} for the one named {@value #STRIPE} when
 * {@code STRIPE_SECRET_KEY} is not set; the production jar has no such beans and then refuses to start.
 */
@Factory
public class StandInBeans {

    /** The bean name the BFF asks for (the same literal as in {@code email.SesEndpoint}). */
    public static final String SES = "ses-stand-in";

    /** The bean name the BFF asks for (the same literal as in {@code payment.StripeEndpoint}). */
    public static final String STRIPE = "stripe-stand-in";

    /** The webhook secret when {@code payments.webhook.secrets} is empty (the BFF's documented demo default). */
    static final String DEMO_WEBHOOK_SECRET = "whsec_demo_patient_payments";

    /**
     * Starts the Stripe stand-in on a free port with a fresh test key. It delivers its events to this server's
     * {@code /webhooks/stripe}, signed with the first of {@code payments.webhook.secrets} (what the BFF verifies).
     *
     * @throws UncheckedIOException when no port can be bound
     */
    @Singleton
    @Named(STRIPE)
    @Bean(preDestroy = "close")
    public StripeStandIn stripeStandIn(Environment environment, BeanProvider<EmbeddedServer> server) {
        String secret =
                environment
                        .getProperty("payments.webhook.secrets", Argument.listOf(String.class))
                        .orElse(List.of())
                        .stream()
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .findFirst()
                        .orElse(DEMO_WEBHOOK_SECRET);
        try {
            return new StripeStandIn(
                    0,
                    StripeJson.id("sk_test"),
                    () -> URI.create(server.get().getURL().toString().replaceAll("/$", "") + "/webhooks/stripe"),
                    secret);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the SES stand-in on {@code payments.email.stand-in-port} (0: a free port) and, when
     * {@code payments.email.stand-in-url-file} names a file, writes its inbox URL there (the demo's {@code mail=}).
     * The two keys are read with {@code @Value} on purpose: they belong to the BFF's {@code EmailSettings}, which this
     * module cannot see (the BFF depends on it, not the other way round); the BFF's {@code application.yml} always sets
     * them, the placeholders' fallbacks only matter in a context without it.
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
