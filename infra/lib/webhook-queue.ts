import { Duration, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ProductConfig } from './product-config';

/**
 * The webhook queue and its dead-letter queue, KMS-encrypted with the data key and TLS-only. The redrive policy moves
 * a message to the DLQ after `payments.queue.max-receives` receives, and the queue's visibility timeout is the
 * consumer's `payments.queue.visibility-timeout` — both read from bff/src/main/resources/application.yml at synth
 * time, so the BFF's view and the queue's agree. The BFF finds them by name: SQS_QUEUE_NAME = `<stack>-webhooks`,
 * the DLQ is `<name>-dlq` (the BFF's naming rule).
 */
export class WebhookQueues extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: { key: kms.IKey; product: ProductConfig }) {
    super(scope, id);
    const { product } = props;
    if (product.visibilityTimeoutSeconds < product.connectorCallSeconds) {
      throw new Error(
        `payments.queue.visibility-timeout (${product.visibilityTimeoutSeconds} s) is shorter than one ` +
          `connector call (${product.connectorCallSeconds} s): a message would reappear while it is being handled`,
      );
    }
    const name = `${Stack.of(this).stackName}-webhooks`;
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      queueName: `${name}-dlq`,
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      dataKeyReuse: Duration.minutes(5),
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      visibilityTimeout: Duration.seconds(product.visibilityTimeoutSeconds),
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      queueName: name,
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      dataKeyReuse: Duration.minutes(5),
      enforceSSL: true,
      // Stripe retries a failed delivery for up to 3 days; keep a queued event at least as long.
      retentionPeriod: Duration.days(4),
      visibilityTimeout: Duration.seconds(product.visibilityTimeoutSeconds),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: product.maxReceives },
    });
  }
}
