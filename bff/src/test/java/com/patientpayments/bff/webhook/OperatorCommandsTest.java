package com.patientpayments.bff.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.patientpayments.bff.demo.EmbeddedSqs;
import com.patientpayments.bff.demo.LocalPorts;
import com.patientpayments.bff.emr.EmrClient;
import com.patientpayments.bff.emr.EmrRequests.IntentRef;
import com.patientpayments.bff.emr.EmrRequests.NewAttempt;
import com.patientpayments.bff.payment.FakeStripe;
import com.patientpayments.bff.testsupport.BffTestSupport;
import com.patientpayments.bff.testsupport.ConnectorHouseholds;
import com.patientpayments.contract.PaymentAttempt;
import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The one-shot operator commands: {@code replay-dlq} against a real (ElasticMQ) queue shared with "the servers",
 * {@code reconcile} against the real connector and real stripe-java talking to {@link FakeStripe}, and what a command
 * that fails prints and exits with.
 */
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
    void reconcilePostsAProviderPaymentTheLedgerLacksOnceAndReportsIt() throws Exception {
        EmbeddedSqs sqs = EmbeddedSqs.start();
        Map<String, String> props = new HashMap<>(BffTestSupport.properties(OperatorCommandsTest.class));
        try (FakeStripe stripe = new FakeStripe()) {
            props.put("payments.stripe.secret-key", "sk_test_fake");
            props.put("payments.stripe.api-base", stripe.url());
            props.put("payments.receipt.admin-jwt-secret", "operator-test-admin-key-0123456789abcdef-0123456789");
            props.put("payments.email.ses-endpoint", "http://127.0.0.1:9");
            props.put("payments.queue.endpoint", sqs.endpoint().toString());
            props.put("payments.queue.name", "ops-" + UUID.randomUUID());
            props.put("aws.access-key-id", "local");
            props.put("aws.secret-key", "local");
            props.forEach(System::setProperty);
            var h = ConnectorHouseholds.create(new ConnectorHouseholds.Charge(LocalDate.of(2026, 3, 2), 6000));
            EmrClient ledger;
            String intent;
            try (ApplicationContext context =
                    ApplicationContext.run(Map.of("payments.queue.consumer-enabled", false))) {
                ledger = context.getBean(EmrClient.class);
                PaymentAttempt attempt = ledger.createAttempt(new NewAttempt(
                                h.id().toString(), 4100, UUID.randomUUID().toString()))
                        .orElseThrow(o -> new IllegalStateException(o.label()));
                intent = stripe.createIntent(4100, attempt.id());
                ledger.setIntent(attempt.id(), new IntentRef(intent)).orElseThrow(o -> new IllegalStateException());
                stripe.succeed(intent); // the succeeded webhook was lost
                assertThat(ledger.transactionByReference(intent).isNotFound()).isTrue();

                Instant from = Instant.now().minus(Duration.ofHours(1));
                Instant to = Instant.now().plus(Duration.ofHours(1));
                String[] args = {"reconcile", from.toString(), to.toString()};
                assertThat(run(args))
                        .isEqualTo("reconcile from=" + from + " to=" + to + " providerSucceeded=1 repaired=1");
                assertThat(ledger.transactionByReference(intent)
                                .optional()
                                .orElseThrow()
                                .amountCents())
                        .isEqualTo(4100);
                // Repeating the run finds the payment posted: nothing repaired twice.
                assertThat(run(args)).endsWith("providerSucceeded=1 repaired=0");
                // Without a window: the last two days up to now, which include the payment.
                assertThat(run(new String[] {"reconcile"})).endsWith("providerSucceeded=1 repaired=0");
            }
        } finally {
            props.keySet().forEach(System::clearProperty);
            sqs.stop();
        }
    }

    @Test
    void aCommandThatFailsExitsOneNamingOnlyTheKindOfError() {
        int closedPort = LocalPorts.freePort();
        Map<String, String> props = Map.of(
                "payments.queue.endpoint", "http://127.0.0.1:" + closedPort,
                "payments.queue.name", "ops-" + UUID.randomUUID(),
                "aws.access-key-id", "local",
                "aws.secret-key", "local",
                "micronaut.http.services.emr.urls", "http://127.0.0.1:9");
        props.forEach(System::setProperty);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            assertThat(OperatorCommands.run(new String[] {"reconcile", "yesterday"}, print))
                    .contains(1);
            assertThat(OperatorCommands.run(new String[] {"replay-dlq"}, print)).contains(1);
            assertThat(out.toString(StandardCharsets.UTF_8).lines().toList())
                    .hasSize(2)
                    .first()
                    .isEqualTo("reconcile failed: DateTimeParseException");
            assertThat(out.toString(StandardCharsets.UTF_8).lines().toList().get(1))
                    .startsWith("replay-dlq failed: ")
                    .doesNotContain("127.0.0.1");
        } finally {
            props.keySet().forEach(System::clearProperty);
        }
    }

    @Test
    void otherArgumentsStartTheServer() {
        assertThat(OperatorCommands.run(new String[0], System.out)).isEmpty();
        assertThat(OperatorCommands.run(new String[] {"--port=1"}, System.out)).isEmpty();
    }

    private static String run(String command) {
        return run(new String[] {command});
    }

    private static String run(String[] args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Optional<Integer> exit = OperatorCommands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).contains(0);
        return out.toString(StandardCharsets.UTF_8).trim();
    }
}
