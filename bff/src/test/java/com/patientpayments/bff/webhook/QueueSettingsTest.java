package com.patientpayments.bff.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The queue settings an operator gives (or leaves out) and what the consumer then uses. */
class QueueSettingsTest {

    @Test
    void blankNamesAndEndpointFallBackAndCountsAreAtLeastOne() {
        Duration d = Duration.ofSeconds(1);
        QueueSettings p = new QueueSettings(" ", " ", " ", 0, d, d, d, -3, true);
        assertThat(p.name()).isEqualTo("payments-webhooks");
        assertThat(p.dlqName()).isEqualTo("payments-webhooks-dlq");
        assertThat(p.endpoint()).isNull();
        assertThat(p.embedded())
                .as("no endpoint: the BFF runs its own ElasticMQ")
                .isTrue();
        assertThat(p.maxReceives()).isEqualTo(1);
        assertThat(p.concurrency()).isEqualTo(1);

        QueueSettings nulls = new QueueSettings(null, null, null, 5, d, d, d, 8, true);
        assertThat(nulls.name()).isEqualTo("payments-webhooks");
        assertThat(nulls.dlqName()).isEqualTo("payments-webhooks-dlq");
        assertThat(nulls.embedded()).isTrue();
    }

    @Test
    void anAbsentDurationIsRefusedByItsKeyNotReplacedByASecondDefault() {
        Duration d = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new QueueSettings(null, "q", null, 5, null, d, d, 8, true))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("payments.queue.visibility-timeout");
        assertThatThrownBy(() -> new QueueSettings(null, "q", null, 5, d, null, d, 8, true))
                .hasMessage("payments.queue.retry-backoff");
        assertThatThrownBy(() -> new QueueSettings(null, "q", null, 5, d, d, null, 8, true))
                .hasMessage("payments.queue.wait-time");
    }

    @Test
    void givenSettingsAreTrimmedAndTheDeadLetterQueueFollowsTheQueueName() {
        QueueSettings named = new QueueSettings(
                " http://127.0.0.1:9324 ",
                " prod-webhooks ",
                null,
                7,
                Duration.ofSeconds(45),
                Duration.ofSeconds(3),
                Duration.ofSeconds(20),
                4,
                false);
        assertThat(named.endpoint()).isEqualTo("http://127.0.0.1:9324");
        assertThat(named.embedded()).isFalse();
        assertThat(named.name()).isEqualTo("prod-webhooks");
        assertThat(named.dlqName()).isEqualTo("prod-webhooks-dlq");
        assertThat(named.maxReceives()).isEqualTo(7);
        assertThat(named.concurrency()).isEqualTo(4);
        assertThat(named.visibilityTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(named.retryBackoff()).isEqualTo(Duration.ofSeconds(3));
        assertThat(named.waitTime()).isEqualTo(Duration.ofSeconds(20));

        Duration d = Duration.ofSeconds(1);
        QueueSettings ownDlq = new QueueSettings(null, "q", " parked-q ", 5, d, d, d, 8, true);
        assertThat(ownDlq.dlqName()).isEqualTo("parked-q");
    }
}
