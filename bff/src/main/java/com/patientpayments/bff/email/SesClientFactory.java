package com.patientpayments.bff.email;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The SES v2 client (micronaut-aws-sdk-v2 has no factory for it), pointed at {@link SesEndpoint}. Against the local
 * stand-in it uses dummy credentials. The SDK's own retries are off: {@link ReceiptEmailSender} retries only when SES
 * certainly did not accept the message, so one request is never sent twice.
 */
@Factory
public class SesClientFactory {

    @Singleton
    @Bean(preDestroy = "close")
    public SesV2Client sesV2Client(EmailSettings props, SesEndpoint endpoint) {
        var builder = SesV2Client.builder()
                .region(Region.of(props.region()))
                .endpointOverride(URI.create(endpoint.endpoint()))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(10)))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryPolicy(RetryPolicy.none())
                        .apiCallTimeout(Duration.ofSeconds(15))
                        .build());
        if (endpoint.standIn()) {
            builder.credentialsProvider(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("local-stand-in", "local-stand-in")));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }
}
