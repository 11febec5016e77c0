package com.patientpayments.bff.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The reference time of the signature tolerance for a queued delivery: the endpoint's receipt time, else SQS's own
 * send time; none (the message then fails verification and is dead-lettered) when neither is readable.
 */
class ArrivedAtTest {

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("Number")
                .stringValue(value)
                .build();
    }

    @Test
    void theEndpointsReceiptTimeWinsOverSqsSendTime() {
        Message m = Message.builder()
                .messageAttributes(Map.of(WebhookQueue.RECEIVED_AT, text(" 1790000000123 ")))
                .attributes(Map.of(MessageSystemAttributeName.SENT_TIMESTAMP, "1790000009999"))
                .build();
        assertThat(WebhookConsumer.arrivedAt(m)).isEqualTo(Instant.ofEpochMilli(1_790_000_000_123L));
    }

    @Test
    void sqsSendTimeWhenTheEndpointSetNone() {
        Message m = Message.builder()
                .attributes(Map.of(MessageSystemAttributeName.SENT_TIMESTAMP, "1790000009999"))
                .build();
        assertThat(WebhookConsumer.arrivedAt(m)).isEqualTo(Instant.ofEpochMilli(1_790_000_009_999L));
    }

    @Test
    void noneWhenNeitherIsThereOrReadable() {
        assertThat(WebhookConsumer.arrivedAt(Message.builder().build())).isNull();
        Message garbage = Message.builder()
                .messageAttributes(Map.of(WebhookQueue.RECEIVED_AT, text("yesterday")))
                .build();
        assertThat(WebhookConsumer.arrivedAt(garbage)).isNull();
    }
}
