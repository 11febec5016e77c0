package com.patientpayments.bff.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The arrival time a queued delivery is verified against, and what a copy to the DLQ (or back) keeps: without it a
 * replayed message would be judged against the replay's time and refused.
 */
class QueuedMessageShapeTest {

    private static MessageAttributeValue number(long v) {
        return MessageAttributeValue.builder()
                .dataType("Number")
                .stringValue(Long.toString(v))
                .build();
    }

    private static MessageAttributeValue text(String v) {
        return MessageAttributeValue.builder().dataType("String").stringValue(v).build();
    }

    @Test
    void theArrivalIsReceivedAtElseSqsSentTimestampElseUnknown() {
        Message both = Message.builder()
                .messageAttributes(Map.of(WebhookQueue.RECEIVED_AT, number(1_000)))
                .attributes(Map.of(MessageSystemAttributeName.SENT_TIMESTAMP, "2000"))
                .build();
        assertThat(WebhookConsumer.arrivedAt(both)).isEqualTo(Instant.ofEpochMilli(1_000));
        Message sentOnly = Message.builder()
                .attributes(Map.of(MessageSystemAttributeName.SENT_TIMESTAMP, "2000"))
                .build();
        assertThat(WebhookConsumer.arrivedAt(sentOnly)).isEqualTo(Instant.ofEpochMilli(2_000));
        assertThat(WebhookConsumer.arrivedAt(Message.builder().build())).isNull();
        Message garbage = Message.builder()
                .messageAttributes(Map.of(WebhookQueue.RECEIVED_AT, text("soon")))
                .build();
        assertThat(WebhookConsumer.arrivedAt(garbage)).isNull();
    }

    @Test
    void aCopyKeepsEveryAttributeAndGainsTheArrivalTimeWhenItHadNone() {
        Map<String, MessageAttributeValue> gateway = Map.of(
                WebhookQueue.SIGNATURE,
                text("t=1,v1=ab"),
                WebhookQueue.RECEIVED_AT,
                number(1_000),
                WebhookQueue.INGRESS,
                text("api-gateway"));
        Message shaped = Message.builder()
                .messageAttributes(gateway)
                .attributes(Map.of(MessageSystemAttributeName.SENT_TIMESTAMP, "5000"))
                .build();
        assertThat(WebhookQueue.keptAttributes(shaped)).isEqualTo(gateway);

        Message untimed = Message.builder()
                .messageAttributes(Map.of(WebhookQueue.SIGNATURE, text("t=1,v1=ab")))
                .attributes(Map.of(MessageSystemAttributeName.SENT_TIMESTAMP, "5000"))
                .build();
        assertThat(WebhookQueue.keptAttributes(untimed))
                .containsEntry(WebhookQueue.SIGNATURE, text("t=1,v1=ab"))
                .containsEntry(WebhookQueue.RECEIVED_AT, number(5_000))
                .hasSize(2);
    }
}
