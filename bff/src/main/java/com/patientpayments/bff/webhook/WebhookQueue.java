package com.patientpayments.bff.webhook;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * The main queue of Stripe webhook deliveries and its dead-letter queue. Every message has the same shape whichever
 * ingress wrote it — the BFF's own endpoint ({@link #send}) or API Gateway's SQS integration ({@code infra/}, the
 * contract in {@code infra/lib/webhook-ingress.ts}): the body is the request body byte-exact, the message attribute
 * {@value #SIGNATURE} the {@code Stripe-Signature} header verbatim, {@value #RECEIVED_AT} the arrival time in epoch
 * millis; API Gateway also sets {@value #INGRESS} = {@code api-gateway}. The consumer verifies every message. Both are created at first use (the consumer
 * resolves this bean right after start-up, on its own thread) when missing,
 * the main one with a redrive policy sending a message to the DLQ after {@code payments.queue.max-receives} receives.
 * A queue that already exists is used as it is: in production the infrastructure (infra/) owns the queues, their
 * KMS key and redrive policy, and SQS would refuse a CreateQueue whose attributes differ from the existing queue's.
 * The DLQ depth is exported as the gauge {@code payments_webhook_dlq_depth}.
 */
@Singleton
public class WebhookQueue {

    /** Message attribute: when the webhook endpoint (or API Gateway) received the delivery (epoch millis). */
    public static final String RECEIVED_AT = "receivedAt";
    /** Message attribute: the delivery's {@code Stripe-Signature} header verbatim (infra/ writes the same name). */
    public static final String SIGNATURE = "Stripe-Signature";
    /** Message attribute API Gateway sets to {@code api-gateway}; the BFF's endpoint sets none. */
    public static final String INGRESS = "ingress";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookQueue.class);

    private final SqsClient sqs;
    private final QueueSettings properties;
    private final String queueUrl;
    private final String dlqUrl;

    public WebhookQueue(SqsClient sqs, QueueSettings properties, MeterRegistry meters) {
        this.sqs = sqs;
        this.properties = properties;
        // QueueProperties' constructor defaults an absent name to <name>-dlq.
        this.dlqUrl = existingOrCreated(Objects.requireNonNull(properties.dlqName()), () -> Map.of());
        this.queueUrl = existingOrCreated(properties.name(), () -> {
            String dlqArn = sqs.getQueueAttributes(GetQueueAttributesRequest.builder()
                            .queueUrl(dlqUrl)
                            .attributeNames(QueueAttributeName.QUEUE_ARN)
                            .build())
                    .attributes()
                    .get(QueueAttributeName.QUEUE_ARN);
            String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\""
                    + properties.maxReceives() + "\"}";
            return Map.of(
                    QueueAttributeName.REDRIVE_POLICY,
                    redrive,
                    QueueAttributeName.VISIBILITY_TIMEOUT,
                    String.valueOf(properties.visibilityTimeout().toSeconds()));
        });
        Gauge.builder("payments.webhook.dlq.depth", this, WebhookQueue::dlqDepthOrNaN)
                .description("Messages waiting in the webhook dead-letter queue")
                .register(meters);
        Gauge.builder("payments.webhook.queue.depth", this, q -> q.depthOrNaN(q.queueUrl))
                .description("Messages waiting in the webhook queue")
                .register(meters);
        LOG.info("Webhook queue ready (maxReceives={})", properties.maxReceives());
    }

    /** The URL of the queue {@code name}: the existing one as it is, or one created now with {@code attributes}. */
    private String existingOrCreated(String name, Supplier<Map<QueueAttributeName, String>> attributes) {
        try {
            return sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
        } catch (QueueDoesNotExistException e) {
            return sqs.createQueue(CreateQueueRequest.builder()
                            .queueName(name)
                            .attributes(attributes.get())
                            .build())
                    .queueUrl();
        }
    }

    /**
     * Enqueues a delivery: its raw body, its {@code Stripe-Signature} header (the consumer verifies it again) and
     * when it arrived.
     */
    public void send(String eventJson, String signatureHeader, long receivedAtMillis) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl)
                .messageBody(eventJson)
                .messageAttributes(Map.of(
                        RECEIVED_AT,
                                MessageAttributeValue.builder()
                                        .dataType("Number")
                                        .stringValue(Long.toString(receivedAtMillis))
                                        .build(),
                        SIGNATURE,
                                MessageAttributeValue.builder()
                                        .dataType("String")
                                        .stringValue(signatureHeader)
                                        .build())));
    }

    /** Long-polls the main queue for up to {@code max} messages. */
    public List<Message> receive(int max) {
        return receive(queueUrl, max, (int) properties.waitTime().toSeconds());
    }

    List<Message> receive(String url, int max, int waitSeconds) {
        return sqs.receiveMessage(ReceiveMessageRequest.builder()
                        .queueUrl(url)
                        .maxNumberOfMessages(max)
                        .waitTimeSeconds(waitSeconds)
                        .visibilityTimeout((int) properties.visibilityTimeout().toSeconds())
                        .messageSystemAttributeNames(
                                MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                                MessageSystemAttributeName.SENT_TIMESTAMP)
                        .messageAttributeNames("All")
                        .build())
                .messages();
    }

    /** Removes a message once its effect is committed in the ledger. */
    public void delete(Message message) {
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
    }

    /** Moves a message an operator must look at to the DLQ at once (copy, then delete from the main queue). */
    public void deadLetter(Message message) {
        sqs.sendMessage(b -> b.queueUrl(dlqUrl).messageBody(message.body()).messageAttributes(keptAttributes(message)));
        delete(message);
    }

    /** Makes a failed message visible again after {@code seconds} (0: at once). */
    public void retryLater(Message message, int seconds) {
        sqs.changeMessageVisibility(
                b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()).visibilityTimeout(seconds));
    }

    /**
     * Moves every message of the DLQ back to the main queue (with a fresh receive count) and answers how many moved.
     * Safe to repeat: posting is idempotent, so a message moved twice still posts once.
     */
    public int replayDeadLetters() {
        return replayDeadLetters(Integer.MAX_VALUE);
    }

    /** As {@link #replayDeadLetters()}, moving at most {@code max} messages. */
    public int replayDeadLetters(int max) {
        int moved = 0;
        while (moved < max) {
            List<Message> batch = receive(dlqUrl, Math.min(10, max - moved), 1);
            if (batch.isEmpty()) {
                return moved;
            }
            for (Message m : batch) {
                sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(m.body()).messageAttributes(keptAttributes(m)));
                sqs.deleteMessage(b -> b.queueUrl(dlqUrl).receiptHandle(m.receiptHandle()));
                moved++;
            }
        }
        return moved;
    }

    /**
     * The attributes of a message being copied to another queue: all of them, with {@value #RECEIVED_AT} added from
     * SQS's {@code SentTimestamp} when missing, so the copy still verifies against its original arrival time.
     */
    static Map<String, MessageAttributeValue> keptAttributes(Message message) {
        if (message.messageAttributes().containsKey(RECEIVED_AT)) {
            return message.messageAttributes();
        }
        String sent = message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
        if (sent == null) {
            return message.messageAttributes();
        }
        Map<String, MessageAttributeValue> kept = new java.util.HashMap<>(message.messageAttributes());
        kept.put(
                RECEIVED_AT,
                MessageAttributeValue.builder()
                        .dataType("Number")
                        .stringValue(sent)
                        .build());
        return kept;
    }

    /** Approximate number of messages in the DLQ (visible and in flight). */
    public long deadLetterDepth() {
        return depth(dlqUrl);
    }

    /** Approximate number of messages in the main queue (visible and in flight). */
    public long depth() {
        return depth(queueUrl);
    }

    private long depth(String url) {
        Map<QueueAttributeName, String> attrs = sqs.getQueueAttributes(GetQueueAttributesRequest.builder()
                        .queueUrl(url)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)
                        .build())
                .attributes();
        return Long.parseLong(attrs.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
                + Long.parseLong(
                        attrs.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
    }

    private double dlqDepthOrNaN() {
        return depthOrNaN(dlqUrl);
    }

    private double depthOrNaN(String url) {
        try {
            return depth(url);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    public String queueUrl() {
        return queueUrl;
    }

    public String deadLetterQueueUrl() {
        return dlqUrl;
    }
}
