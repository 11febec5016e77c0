package com.patientpayments.bff.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.demo.EmbeddedSqs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@code java -jar bff.jar replay-dlq} against a real (ElasticMQ) queue shared with "the servers". */
class OperatorCommandsTest {

    @Test
    void replayDlqMovesDeadLettersBackToTheMainQueue() {
        EmbeddedSqs sqs = EmbeddedSqs.start();
        String queue = "ops-" + UUID.randomUUID();
        Map<String, String> props = Map.of(
                "payments.queue.endpoint", sqs.endpoint().toString(),
                "payments.queue.name", queue,
                "aws.access-key-id", "local",
                "aws.secret-key", "local",
                "micronaut.http.services.emr.urls", "http://127.0.0.1:9");
        props.forEach(System::setProperty);
        try (SqsClient client = SqsClient.builder()
                .endpointOverride(sqs.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            // Nothing to replay yet: the command creates the queues and moves nothing.
            assertThat(run("replay-dlq")).isEqualTo("replay-dlq moved=0");
            String dlqUrl = client.getQueueUrl(b -> b.queueName(queue + "-dlq")).queueUrl();
            String mainUrl = client.getQueueUrl(b -> b.queueName(queue)).queueUrl();
            client.sendMessage(b -> b.queueUrl(dlqUrl).messageBody("{\"id\":\"evt_dead_1\"}"));
            client.sendMessage(b -> b.queueUrl(dlqUrl).messageBody("{\"id\":\"evt_dead_2\"}"));

            assertThat(run("replay-dlq")).isEqualTo("replay-dlq moved=2");

            var moved = client.receiveMessage(
                            b -> b.queueUrl(mainUrl).maxNumberOfMessages(10).waitTimeSeconds(2))
                    .messages();
            assertThat(moved)
                    .extracting(m -> m.body())
                    .containsExactlyInAnyOrder("{\"id\":\"evt_dead_1\"}", "{\"id\":\"evt_dead_2\"}");
            assertThat(client.receiveMessage(b -> b.queueUrl(dlqUrl).waitTimeSeconds(0))
                            .messages())
                    .isEmpty();
        } finally {
            props.keySet().forEach(System::clearProperty);
            sqs.stop();
        }
    }

    @Test
    void otherArgumentsStartTheServer() {
        assertThat(OperatorCommands.run(new String[0], System.out)).isEmpty();
        assertThat(OperatorCommands.run(new String[] {"--port=1"}, System.out)).isEmpty();
    }

    private static String run(String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Optional<Integer> exit =
                OperatorCommands.run(new String[] {command}, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).contains(0);
        return out.toString(StandardCharsets.UTF_8).trim();
    }
}
