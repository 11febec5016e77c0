import { Fn, RemovalPolicy, SecretValue, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { IsolatedStoreProps, isolatedStoreSecurityGroup } from './network';

/**
 * The BFF's Redis (ElastiCache, Redis OSS 7): a primary and a replica in two AZs with automatic failover, TLS
 * required in transit, an AUTH token from Secrets Manager, encrypted at rest with the data key, daily snapshots kept
 * 15 days, slow log to CloudWatch. Only the BFF's security group may connect.
 *
 * The BFF takes one connection string (REDIS_URL), so the stack also keeps `rediss://:<token>@<primary>:<port>` as a
 * secret: CloudFormation fills the token in from the token secret (a dynamic reference), the template never holds it.
 */
export class Cache extends Construct {
  readonly securityGroup: ec2.SecurityGroup;
  readonly replicationGroup: elasticache.CfnReplicationGroup;
  readonly authToken: secretsmanager.Secret;
  /** REDIS_URL for the BFF. */
  readonly url: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: IsolatedStoreProps) {
    super(scope, id);
    const { settings, encryption } = props;
    const prefix = Stack.of(this).stackName;
    this.securityGroup = isolatedStoreSecurityGroup(
      this,
      props.vpc,
      'ElastiCache Redis: reachable only from the BFF tasks',
    );
    const subnets = new elasticache.CfnSubnetGroup(this, 'Subnets', {
      description: 'Patient Payments Redis: isolated subnets',
      subnetIds: props.vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_ISOLATED }).subnetIds,
    });
    this.authToken = new secretsmanager.Secret(this, 'AuthToken', {
      secretName: `${prefix}/redis/auth-token`,
      description: 'ElastiCache AUTH token',
      encryptionKey: encryption.dataKey,
      removalPolicy: RemovalPolicy.RETAIN,
      // ElastiCache allows printable ASCII except / " @ in a token of 16-128 characters.
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    const slowLog = encryption.logGroup(
      this,
      'SlowLog',
      `${props.logPrefix}/redis-slow-log`,
      settings.logRetentionDays,
    );
    this.replicationGroup = new elasticache.CfnReplicationGroup(this, 'Redis', {
      replicationGroupDescription: 'Patient Payments BFF cache, sessions, rate limits, one-time links',
      engine: 'redis',
      engineVersion: '7.1',
      cacheNodeType: settings.cacheNodeType,
      numCacheClusters: 2,
      automaticFailoverEnabled: true,
      multiAzEnabled: true,
      transitEncryptionEnabled: true,
      transitEncryptionMode: 'required',
      atRestEncryptionEnabled: true,
      kmsKeyId: encryption.dataKey.keyArn,
      authToken: this.authToken.secretValue.unsafeUnwrap(),
      cacheSubnetGroupName: subnets.ref,
      securityGroupIds: [this.securityGroup.securityGroupId],
      port: 6379,
      snapshotRetentionLimit: 15,
      snapshotWindow: '06:00-07:00',
      preferredMaintenanceWindow: 'sun:09:30-sun:10:30',
      autoMinorVersionUpgrade: true,
      logDeliveryConfigurations: [
        {
          destinationType: 'cloudwatch-logs',
          logFormat: 'json',
          logType: 'slow-log',
          destinationDetails: { cloudWatchLogsDetails: { logGroup: slowLog.logGroupName } },
        },
      ],
    });
    this.replicationGroup.node.addDependency(slowLog);
    this.url = new secretsmanager.Secret(this, 'Url', {
      secretName: `${prefix}/redis/url`,
      description: 'REDIS_URL for the BFF (rediss:// with the AUTH token); rebuilt by the stack from the token secret',
      encryptionKey: encryption.dataKey,
      removalPolicy: RemovalPolicy.RETAIN,
      secretStringValue: SecretValue.unsafePlainText(
        Fn.join('', [
          'rediss://:',
          this.authToken.secretValue.unsafeUnwrap(),
          '@',
          this.replicationGroup.attrPrimaryEndPointAddress,
          ':',
          this.replicationGroup.attrPrimaryEndPointPort,
        ]),
      ),
    });
  }
}
