package com.patientpayments.bff.webhook;

import com.patientpayments.bff.demo.EmbeddedSqs;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * Points the {@code SqsClient} that micronaut-aws-sdk-v2 builds at {@code SQS_ENDPOINT}, or at the embedded ElasticMQ
 * when none is configured (which then also gets local placeholder credentials: it checks none). With a real SQS
 * endpoint the AWS default credential and region chains apply unchanged.
 */
@Singleton
public class SqsEndpointConfigurer implements BeanCreatedEventListener<SqsClientBuilder> {

    private final QueueSettings properties;
    private final BeanProvider<EmbeddedSqs> embedded;

    public SqsEndpointConfigurer(QueueSettings properties, BeanProvider<EmbeddedSqs> embedded) {
        this.properties = properties;
        this.embedded = embedded;
    }

    @Override
    public SqsClientBuilder onCreated(BeanCreatedEvent<SqsClientBuilder> event) {
        SqsClientBuilder builder = event.getBean();
        if (properties.embedded()) {
            builder.endpointOverride(embedded.get().endpoint())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(
                            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        } else {
            builder.endpointOverride(URI.create(properties.endpoint()));
        }
        return builder;
    }
}
