package com.patientpayments.bff.payment;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The card processor: always Stripe through stripe-java, at the endpoint {@link StripeEndpoint} resolved. */
@Factory
public class PaymentProviderFactory {

    @Singleton
    @Bean(preDestroy = "close")
    public PaymentProvider paymentProvider(StripeSettings settings, StripeEndpoint endpoint) {
        return new StripePaymentProvider(endpoint, settings.timeout());
    }
}
