package com.patientpayments.bff.email;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Named;
import java.net.URI;
import java.util.function.Supplier;

/**
 * Where receipt email goes: the configured {@code SES_ENDPOINT} (production, e.g.
 * {@code https://email.us-east-1.amazonaws.com}), or, when none is configured, the local SES stand-in that the demo
 * jar and the tests put on the classpath (the bean named {@value #STAND_IN} of type {@code Supplier<URI>}, module
 * {@code demo/bff-standins}). This class never names the stand-in's type: the production jar does not contain it,
 * and without {@code SES_ENDPOINT} it refuses to start. Created eagerly so the demo's stand-in is up (and its inbox
 * address written) before the DEMO line is printed.
 */
@Context
public class SesEndpoint {

    /** The bean name of the local stand-in's endpoint. */
    public static final String STAND_IN = "ses-stand-in";

    private final String endpoint;
    private final boolean standIn;

    /**
     * @throws ConfigurationException when {@code SES_ENDPOINT} is empty and no stand-in is on the classpath
     */
    public SesEndpoint(EmailSettings props, @Named(STAND_IN) BeanProvider<Supplier<URI>> standIns) {
        if (props.sesEndpoint() != null && !props.sesEndpoint().isBlank()) {
            this.endpoint = props.sesEndpoint();
            this.standIn = false;
            return;
        }
        if (!standIns.isPresent()) {
            throw new ConfigurationException("SES_ENDPOINT is not set and this jar has no local SES stand-in "
                    + "(only the demo jar has one): set SES_ENDPOINT");
        }
        this.endpoint = standIns.get().get().toString();
        this.standIn = true;
    }

    /** The SES v2 endpoint, e.g. {@code https://email.us-east-1.amazonaws.com} or {@code http://127.0.0.1:<port>}. */
    public String endpoint() {
        return endpoint;
    }

    /** True when the endpoint is the local stand-in (it checks no credentials). */
    public boolean standIn() {
        return standIn;
    }
}
