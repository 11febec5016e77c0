package com.patientpayments.bff.payment;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Chooses the card processor: Stripe when {@code STRIPE_SECRET_KEY} is set, otherwise the simulator. */
@Factory
public class PaymentProviderFactory {

    @Singleton
    @Bean(preDestroy = "close")
    public PaymentProvider paymentProvider(StripeSettings properties, SimulatedWebhookSender sender) {
        return properties.stripeMode() ? new StripePaymentProvider(properties) : new SimulatedPaymentProvider(sender);
    }
}
