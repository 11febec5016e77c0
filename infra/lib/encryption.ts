import { Aws, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/**
 * Customer-managed KMS keys (rotated yearly): `data` for everything that may hold PHI or secrets (RDS, ElastiCache,
 * SQS, Secrets Manager, SNS, backups) and `logs` for CloudWatch Logs. Keys are retained when the stack is deleted:
 * snapshots and backups stay readable.
 */
export class Encryption extends Construct {
  readonly dataKey: kms.Key;
  readonly logsKey: kms.Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const stackName = Stack.of(this).stackName;
    this.dataKey = new kms.Key(this, 'DataKey', {
      alias: `alias/${stackName}/data`,
      description: 'Patient Payments data at rest: database, cache, queues, secrets, alarm topic, backups',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch alarms and EventBridge publish to the encrypted alarm topic.
    this.dataKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AlarmAndEventPublishersUseTheTopicKey',
        principals: [
          new iam.ServicePrincipal('cloudwatch.amazonaws.com'),
          new iam.ServicePrincipal('events.amazonaws.com'),
        ],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
    );
    this.logsKey = new kms.Key(this, 'LogsKey', {
      alias: `alias/${stackName}/logs`,
      description: 'Patient Payments CloudWatch Logs',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.logsKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchLogsOfThisAccount',
        principals: [new iam.ServicePrincipal(`logs.${Aws.REGION}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:*`,
          },
        },
      }),
    );
  }

  /** A KMS-encrypted log group with the deployment's retention, kept when the stack is deleted. */
  logGroup(scope: Construct, id: string, name: string, retentionDays: number): logs.LogGroup {
    return new logs.LogGroup(scope, id, {
      logGroupName: name,
      encryptionKey: this.logsKey,
      retention: retentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
