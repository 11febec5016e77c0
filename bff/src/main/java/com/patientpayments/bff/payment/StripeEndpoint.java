package com.patientpayments.bff.payment;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import java.net.URI;
import java.util.function.Supplier;

/**
 * Which Stripe the BFF talks to: Stripe itself with {@code STRIPE_SECRET_KEY} (mode {@code STRIPE}), or, when no key
 * is configured, the local Stripe API stand-in that the demo jar and the tests put on the classpath (the bean named
 * {@value #STAND_IN} of type {@code Supplier<URI>}, module {@code demo/bff-standins}; its address carries its test key
 * as user-info), in mode {@code SIMULATED} with the demo controls on. This class never names the stand-in's type: the
 * production jar does not contain it, and without {@code STRIPE_SECRET_KEY} it refuses to start. Created eagerly so
 * that refusal comes at startup.
 */
@Context
public class StripeEndpoint {

    /** The bean name of the local stand-in's address. */
    public static final String STAND_IN = "stripe-stand-in";

    private final String secretKey;
    private final @Nullable String apiBase;
    private final boolean standIn;

    /**
     * @throws ConfigurationException when {@code STRIPE_SECRET_KEY} is empty and no stand-in is on the classpath, or
     *     the stand-in's address carries no key
     */
    public StripeEndpoint(StripeSettings settings, @Named(STAND_IN) BeanProvider<Supplier<URI>> standIns) {
        if (settings.secretKey() != null) {
            this.secretKey = settings.secretKey();
            this.apiBase = settings.apiBase();
            this.standIn = false;
            return;
        }
        if (!standIns.isPresent()) {
            throw new ConfigurationException("STRIPE_SECRET_KEY is not set and this jar has no Stripe stand-in "
                    + "(only the demo jar has one): set STRIPE_SECRET_KEY");
        }
        URI address = standIns.get().get();
        String key = address.getUserInfo();
        if (key == null || key.isBlank()) {
            throw new ConfigurationException("The Stripe stand-in's address carries no test key");
        }
        this.secretKey = key;
        this.apiBase = address.getScheme() + "://" + address.getHost() + ":" + address.getPort();
        this.standIn = true;
    }

    /** The secret key stripe-java sends: the configured one, or the stand-in's test key. */
    public String secretKey() {
        return secretKey;
    }

    /** The API base stripe-java uses; null: Stripe's own. */
    public @Nullable String apiBase() {
        return apiBase;
    }

    /** True in {@code SIMULATED} mode: the local stand-in, with the demo controls. */
    public boolean standIn() {
        return standIn;
    }
}
