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
     * @throws ConfigurationException when {@code STRIPE_SECRET_KEY} is empty and no stand-in is on the classpath, the
     *     stand-in's address carries no key, or a live key ({@code sk_live_}/{@code rk_live_}) is paired with a
     *     {@code STRIPE_API_BASE} other than {@code https://*.stripe.com} (a live secret is sent only to Stripe)
     */
    public StripeEndpoint(StripeSettings settings, @Named(STAND_IN) BeanProvider<Supplier<URI>> standIns) {
        if (settings.secretKey() != null) {
            this.secretKey = settings.secretKey();
            this.apiBase = settings.apiBase();
            this.standIn = false;
            if (isLiveKey(secretKey) && apiBase != null && !isStripe(apiBase)) {
                throw new ConfigurationException("STRIPE_SECRET_KEY is a live key and STRIPE_API_BASE is not "
                        + "https://*.stripe.com: a live key is sent only to Stripe (unset STRIPE_API_BASE, or use a "
                        + "test key)");
            }
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

    private static boolean isLiveKey(String key) {
        return key.startsWith("sk_live_") || key.startsWith("rk_live_");
    }

    private static boolean isStripe(String base) {
        try {
            URI uri = URI.create(base);
            String host = uri.getHost();
            return "https".equals(uri.getScheme())
                    && host != null
                    && (host.equals("stripe.com") || host.endsWith(".stripe.com"));
        } catch (IllegalArgumentException e) {
            return false;
        }
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
