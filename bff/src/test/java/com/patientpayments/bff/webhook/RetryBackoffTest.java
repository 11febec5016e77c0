package com.patientpayments.bff.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * How long a message that was not committed (connector or provider unreachable) stays away before the next try: the
 * backoff grows with each receive and never exceeds the visibility timeout, so a retried event is never held longer
 * than a crashed consumer's message would be.
 */
class RetryBackoffTest {

    private static QueueSettings settings(int backoffSeconds, int visibilitySeconds) {
        return new QueueSettings(
                null,
                "q",
                null,
                5,
                Duration.ofSeconds(visibilitySeconds),
                Duration.ofSeconds(backoffSeconds),
                Duration.ofSeconds(1),
                1,
                false);
    }

    @ParameterizedTest
    @CsvSource({
        // receive count, backoff s, visibility s, delay s
        "1,2,30,2",
        "2,2,30,4",
        "5,2,30,10",
        "15,2,30,30",
        "16,2,30,30",
        "1000,2,30,30",
        "3,0,30,0",
        "3,10,25,25"
    })
    void theDelayGrowsWithEachReceiveUpToTheVisibilityTimeout(
            String receives, int backoff, int visibility, int expected) {
        Message m = Message.builder()
                .attributes(Map.of(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, receives))
                .build();
        assertThat(WebhookConsumer.retryDelaySeconds(m, settings(backoff, visibility)))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"2,30,2", "7,5,5"})
    void aMessageWithoutAReceiveCountCountsAsItsFirstReceive(int backoff, int visibility, int expected) {
        assertThat(WebhookConsumer.retryDelaySeconds(Message.builder().build(), settings(backoff, visibility)))
                .isEqualTo(expected);
    }
}
