package com.patientpayments.bff.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.patientpayments.bff.demo.EmbeddedSqs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The queue operations the consumer and the operator rely on, against a real ElasticMQ: dead-lettering keeps what
 * verification needs (the arrival time, from SQS's own send time when the ingress set none), a bounded replay moves
 * exactly that many, a released message comes back, and the depth gauges read NaN rather than fail when SQS is down.
 */
class WebhookQueueTest {

    private static EmbeddedSqs elasticMq;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        elasticMq = EmbeddedSqs.start();
        sqs = client(elasticMq);
    }

    @AfterAll
    static void stop() {
        sqs.close();
        elasticMq.stop();
    }

    private static SqsClient client(EmbeddedSqs q) {
        return SqsClient.builder()
                .endpointOverride(q.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    private static WebhookQueue queue(SqsClient client, SimpleMeterRegistry meters) {
        return new WebhookQueue(
                client,
                new QueueSettings(
                        null,
                        "queue-test-" + UUID.randomUUID(),
                        null,
                        5,
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(1),
                        1,
                        false),
                meters);
    }

    private static MessageAttributeValue number(String value) {
        return MessageAttributeValue.builder()
                .dataType("Number")
                .stringValue(value)
                .build();
    }

    private static List<Message> dlq(WebhookQueue q) {
        return q.receive(q.deadLetterQueueUrl(), 10, 1);
    }

    @Test
    void aDeadLetteredMessageWithoutReceivedAtKeepsItsSqsSendTimeAsItsArrival() {
        WebhookQueue q = queue(sqs, new SimpleMeterRegistry());
        // As a gateway that set no receivedAt would write it: only the signature attribute.
        sqs.sendMessage(b -> b.queueUrl(q.queueUrl())
                .messageBody("{\"id\":\"evt_gateway\"}")
                .messageAttributes(Map.of(
                        WebhookQueue.SIGNATURE,
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue("t=1,v1=ab")
                                .build())));
        Message received = q.receive(1).get(0);
        String sent = received.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
        assertThat(sent).isNotBlank();

        q.deadLetter(received);

        Message dead = dlq(q).get(0);
        assertThat(dead.body()).isEqualTo("{\"id\":\"evt_gateway\"}");
        assertThat(dead.messageAttributes().get(WebhookQueue.RECEIVED_AT).stringValue())
                .isEqualTo(sent);
        assertThat(dead.messageAttributes().get(WebhookQueue.SIGNATURE).stringValue())
                .isEqualTo("t=1,v1=ab");
        assertThat(WebhookConsumer.arrivedAt(dead).toEpochMilli()).isEqualTo(Long.parseLong(sent));
        assertThat(q.depth()).isZero();
    }

    @Test
    void aDeadLetteredMessageWithReceivedAtKeepsItUnchanged() {
        WebhookQueue q = queue(sqs, new SimpleMeterRegistry());
        q.send("{\"id\":\"evt_endpoint\"}", "t=2,v1=cd", 1_790_000_000_123L);
        q.deadLetter(q.receive(1).get(0));
        Message dead = dlq(q).get(0);
        assertThat(dead.messageAttributes().get(WebhookQueue.RECEIVED_AT).stringValue())
                .isEqualTo("1790000000123");
    }

    @Test
    void aMessageWithNeitherArrivalTimeIsCopiedWithTheAttributesItHas() {
        Map<String, MessageAttributeValue> attributes = Map.of("ingress", number("1"));
        Message bare = Message.builder().messageAttributes(attributes).build();
        assertThat(WebhookQueue.keptAttributes(bare)).isEqualTo(attributes);
        Message withTime = Message.builder()
                .messageAttributes(Map.of(WebhookQueue.RECEIVED_AT, number("5")))
                .attributes(Map.of(MessageSystemAttributeName.SENT_TIMESTAMP, "9"))
                .build();
        assertThat(WebhookQueue.keptAttributes(withTime)
                        .get(WebhookQueue.RECEIVED_AT)
                        .stringValue())
                .isEqualTo("5");
    }

    @Test
    void aBoundedReplayMovesAtMostThatManyAndTheRestOnTheNextRun() {
        WebhookQueue q = queue(sqs, new SimpleMeterRegistry());
        for (int i = 0; i < 3; i++) {
            q.send("{\"id\":\"evt_" + i + "\"}", "t=3,v1=ef", 1_790_000_000_000L + i);
            q.deadLetter(q.receive(1).get(0));
        }
        assertThat(q.deadLetterDepth()).isEqualTo(3);

        assertThat(q.replayDeadLetters(2)).isEqualTo(2);
        assertThat(q.deadLetterDepth()).isEqualTo(1);
        assertThat(q.depth()).isEqualTo(2);

        assertThat(q.replayDeadLetters()).isEqualTo(1);
        assertThat(q.replayDeadLetters()).isZero();
        assertThat(q.deadLetterDepth()).isZero();
        List<String> bodies = new java.util.ArrayList<>();
        for (int i = 0; i < 5 && bodies.size() < 3; i++) {
            q.receive(10).forEach(m -> bodies.add(m.body()));
        }
        assertThat(bodies).containsExactlyInAnyOrder("{\"id\":\"evt_0\"}", "{\"id\":\"evt_1\"}", "{\"id\":\"evt_2\"}");
    }

    @Test
    void aReleasedMessageIsReceivedAgainWithAHigherReceiveCount() {
        WebhookQueue q = queue(sqs, new SimpleMeterRegistry());
        q.send("{\"id\":\"evt_again\"}", "t=4,v1=01", 1_790_000_000_000L);
        Message first = q.receive(1).get(0);
        q.retryLater(first, 0);
        Message second = q.receive(1).get(0);
        assertThat(second.body()).isEqualTo("{\"id\":\"evt_again\"}");
        assertThat(second.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                .isEqualTo("2");
        q.delete(second);
        assertThat(q.depth()).isZero();
    }

    @Test
    void theDepthGaugesReadNotANumberWhileSqsIsDown() {
        EmbeddedSqs own = EmbeddedSqs.start();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        boolean stopped = false;
        try (SqsClient client = client(own)) {
            WebhookQueue q = queue(client, meters);
            q.send("{\"id\":\"evt_depth\"}", "t=5,v1=02", 1_790_000_000_000L);
            assertThat(meters.get("payments.webhook.queue.depth").gauge().value())
                    .isEqualTo(1.0);
            assertThat(meters.get("payments.webhook.dlq.depth").gauge().value()).isZero();

            own.stop();
            stopped = true;

            assertThat(meters.get("payments.webhook.queue.depth").gauge().value())
                    .isNaN();
            assertThat(meters.get("payments.webhook.dlq.depth").gauge().value()).isNaN();
            assertThatThrownBy(q::depth).isInstanceOf(RuntimeException.class);
        } finally {
            if (!stopped) {
                own.stop();
            }
        }
    }
}
