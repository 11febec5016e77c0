package com.patientpayments.bff.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.demo.EmbeddedSqs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * In production the infrastructure (infra/) creates the webhook queues — KMS key, retention, its own redrive policy
 * — and SQS refuses a CreateQueue whose attributes differ from an existing queue's. The BFF must use such queues as
 * they are, and still create missing ones (demo, tests) with its redrive policy. Against a real ElasticMQ.
 */
class WebhookQueueProvisionedTest {

    private static EmbeddedSqs elasticMq;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        elasticMq = EmbeddedSqs.start();
        sqs = SqsClient.builder()
                .endpointOverride(elasticMq.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    @AfterAll
    static void stop() {
        sqs.close();
        elasticMq.stop();
    }

    private static QueueSettings properties(String name) {
        return new QueueSettings(
                elasticMq.endpoint().toString(),
                name,
                null,
                5,
                Duration.ofSeconds(30),
                Duration.ofSeconds(2),
                Duration.ofSeconds(1),
                1,
                false);
    }

    private static Map<QueueAttributeName, String> attributes(String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                .attributes();
    }

    @Test
    void queuesTheInfrastructureCreatedAreUsedAsTheyAreEvenWhenTheirAttributesDiffer() {
        String name = "provisioned-" + UUID.randomUUID();
        String dlqUrl = sqs.createQueue(b -> b.queueName(name + "-dlq")
                        .attributes(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600")))
                .queueUrl();
        String dlqArn = attributes(dlqUrl).get(QueueAttributeName.QUEUE_ARN);
        // Redrive policy as CloudFormation writes it (maxReceiveCount a number), another visibility timeout.
        String url = sqs.createQueue(b -> b.queueName(name)
                        .attributes(Map.of(
                                QueueAttributeName.VISIBILITY_TIMEOUT,
                                "45",
                                QueueAttributeName.REDRIVE_POLICY,
                                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":3}")))
                .queueUrl();

        WebhookQueue queue = new WebhookQueue(sqs, properties(name), new SimpleMeterRegistry());

        assertThat(queue.queueUrl()).isEqualTo(url);
        assertThat(queue.deadLetterQueueUrl()).isEqualTo(dlqUrl);
        assertThat(attributes(url).get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("45");
        assertThat(attributes(url).get(QueueAttributeName.REDRIVE_POLICY))
                .contains("3")
                .doesNotContain("\"5\"");
        queue.send("{\"id\":\"evt_provisioned\",\"type\":\"payment_intent.succeeded\"}", "t=1,v1=00", 1L);
        assertThat(queue.depth()).isEqualTo(1);
    }

    @Test
    void missingQueuesAreCreatedWithTheConfiguredRedrivePolicy() {
        String name = "fresh-" + UUID.randomUUID();
        WebhookQueue queue = new WebhookQueue(sqs, properties(name), new SimpleMeterRegistry());
        Map<QueueAttributeName, String> attrs = attributes(queue.queueUrl());
        assertThat(attrs.get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("30");
        assertThat(attrs.get(QueueAttributeName.REDRIVE_POLICY))
                .contains(name + "-dlq")
                .contains("5");
        assertThat(queue.deadLetterQueueUrl()).endsWith(name + "-dlq");
    }
}
