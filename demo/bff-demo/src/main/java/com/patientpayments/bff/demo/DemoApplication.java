package com.patientpayments.bff.demo;

import com.patientpayments.bff.Application;

/**
 * Entry point of the BFF's demo jar ({@code make demo}): the production {@link Application} with the stand-ins of
 * {@code demo/bff-standins} on the classpath. Before the context it starts the embedded Redis when
 * {@code PAYMENTS_EMBEDDED=true} and {@code REDIS_URL} is not set; the context then finds the embedded SQS and the SES
 * stand-in as beans when {@code SQS_ENDPOINT} / {@code SES_ENDPOINT} are not set.
 */
public final class DemoApplication {

    private DemoApplication() {}

    public static void main(String[] args) {
        Application.run(args, EmbeddedRedis::startIfWanted);
    }
}
