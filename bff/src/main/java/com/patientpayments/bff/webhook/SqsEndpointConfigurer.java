package com.patientpayments.bff.webhook;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * Points the {@code SqsClient} that micronaut-aws-sdk-v2 builds at {@code SQS_ENDPOINT}, or, when none is configured,
 * at the embedded ElasticMQ that the demo jar and the tests put on the classpath (the bean named {@value #EMBEDDED}
 * of type {@code Supplier<URI>}, module {@code demo/bff-standins}), which then also gets local placeholder
 * credentials: it checks none. This class never names the stand-in's type: the production jar does not contain it,
 * and without {@code SQS_ENDPOINT} the SQS client cannot be built there. With a real SQS endpoint the AWS default
 * credential and region chains apply unchanged.
 */
@Singleton
public class SqsEndpointConfigurer implements BeanCreatedEventListener<SqsClientBuilder> {

    /** The bean name of the embedded queue's endpoint. */
    public static final String EMBEDDED = "embedded-sqs";

    private final QueueSettings properties;
    private final BeanProvider<Supplier<URI>> embedded;

    public SqsEndpointConfigurer(QueueSettings properties, @Named(EMBEDDED) BeanProvider<Supplier<URI>> embedded) {
        this.properties = properties;
        this.embedded = embedded;
    }

    /**
     * @throws ConfigurationException when {@code SQS_ENDPOINT} is empty and no embedded queue is on the classpath
     */
    @Override
    public SqsClientBuilder onCreated(BeanCreatedEvent<SqsClientBuilder> event) {
        SqsClientBuilder builder = event.getBean();
        if (properties.embedded()) {
            if (!embedded.isPresent()) {
                throw new ConfigurationException("SQS_ENDPOINT is not set and this jar has no embedded queue "
                        + "(only the demo jar has one): set SQS_ENDPOINT");
            }
            builder.endpointOverride(embedded.get().get())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(
                            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        } else {
            builder.endpointOverride(URI.create(properties.endpoint()));
        }
        return builder;
    }
}
