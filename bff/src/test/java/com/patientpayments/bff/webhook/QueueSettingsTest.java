package com.patientpayments.bff.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The queue settings an operator gives (or leaves out) and what the consumer then uses. */
class QueueSettingsTest {

    @Test
    void absentOrBlankSettingsFallBackToTheDocumentedDefaults() {
        QueueSettings p = new QueueSettings(" ", " ", " ", 0, null, null, null, -3, true);
        assertThat(p.name()).isEqualTo("payments-webhooks");
        assertThat(p.dlqName()).isEqualTo("payments-webhooks-dlq");
        assertThat(p.endpoint()).isNull();
        assertThat(p.embedded())
                .as("no endpoint: the BFF runs its own ElasticMQ")
                .isTrue();
        assertThat(p.maxReceives()).isEqualTo(1);
        assertThat(p.concurrency()).isEqualTo(1);
        assertThat(p.visibilityTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.retryBackoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.waitTime()).isEqualTo(Duration.ofSeconds(10));

        QueueSettings nulls = new QueueSettings(null, null, null, 5, null, null, null, 8, true);
        assertThat(nulls.name()).isEqualTo("payments-webhooks");
        assertThat(nulls.dlqName()).isEqualTo("payments-webhooks-dlq");
        assertThat(nulls.embedded()).isTrue();
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

        QueueSettings ownDlq = new QueueSettings(null, "q", " parked-q ", 5, null, null, null, 8, true);
        assertThat(ownDlq.dlqName()).isEqualTo("parked-q");
    }
}
