import { ArnFormat, Aws, CfnCondition, CfnMapping, Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { Construct } from 'constructs';
import { Cache } from './cache';
import { Database } from './database';
import { Email } from './email';
import { Encryption } from './encryption';
import { BFF_IMAGE, CONNECTOR_IMAGE, imageAsset } from './images';
import { ProductConfig } from './product-config';
import { AppSecrets } from './secrets';
import { DeploymentSettings } from './settings';
import { WebhookQueues } from './webhook-queue';

export interface ServicesProps {
  readonly vpc: ec2.IVpc;
  readonly settings: DeploymentSettings;
  readonly product: ProductConfig;
  readonly encryption: Encryption;
  readonly secrets: AppSecrets;
  readonly database: Database;
  readonly cache: Cache;
  readonly queues: WebhookQueues;
  readonly email: Email;
  readonly logPrefix: string;
}

/** The container that runs the BFF in its task definition (also the name operators use in `run-task` overrides). */
export const BFF_CONTAINER = 'bff';
export const CONNECTOR_CONTAINER = 'emr-connector';
/** Private DNS name of the connector (Cloud Map), e.g. `emr-connector.payments.internal`. */
export const INTERNAL_NAMESPACE = 'payments.internal';
/** Where the BFF image keeps the SPA build (UI_DIST_DIR). */
export const UI_DIST_IN_IMAGE = '/app/ui';
/**
 * README configuration variables the stack deliberately leaves unset (their defaults are the production values),
 * with the reason. Every other README variable is set on a task (test/stack.test.ts checks).
 */
export const UNSET_IN_PRODUCTION: Record<string, string> = {
  STRIPE_API_BASE: "Stripe's own API base is the default; only tests point stripe-java at a local fake",
};

/** The non-root user both images run as (uid:gid). */
export const IMAGE_USER = '10001:10001';

/**
 * The two ECS Fargate services in the private subnets:
 * - **BFF** behind a public ALB: HTTPS only (TLS 1.2+ policy, ACM certificate), port 80 redirects to 443, invalid
 *   header fields dropped, access logs to S3. `/graphql` has its own target group (same tasks) so CloudWatch sees its
 *   latency apart from static files and webhooks. Target health is `/health/readiness`.
 * - **EMR connector**, internal only: no load balancer, found by the BFF through Cloud Map
 *   (`emr-connector.payments.internal`); its security group admits only the BFF's security group on its port.
 * Both run as a non-root user with a read-only root filesystem (a task-local volume at /tmp), get their secrets from
 * Secrets Manager as environment variables, log JSON to their KMS-encrypted log groups, and roll back a failed
 * deployment (circuit breaker). The BFF scales on CPU between `bffDesiredCount` and `bffMaxCount`.
 */
export class Services extends Construct {
  readonly cluster: ecs.Cluster;
  readonly alb: elbv2.ApplicationLoadBalancer;
  readonly bffService: ecs.FargateService;
  readonly connectorService: ecs.FargateService;
  readonly bffTaskDefinition: ecs.FargateTaskDefinition;
  readonly bffTargetGroup: elbv2.ApplicationTargetGroup;
  readonly graphqlTargetGroup: elbv2.ApplicationTargetGroup;
  readonly bffLogGroup: logs.LogGroup;
  readonly connectorLogGroup: logs.LogGroup;
  readonly bffSecurityGroup: ec2.SecurityGroup;
  readonly connectorSecurityGroup: ec2.SecurityGroup;
  readonly albSecurityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: ServicesProps) {
    super(scope, id);
    const { vpc, settings, product, encryption, secrets } = props;
    const appSubnets = { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };

    this.cluster = new ecs.Cluster(this, 'Cluster', {
      vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
      defaultCloudMapNamespace: { name: INTERNAL_NAMESPACE, vpc, useForServiceConnect: false },
    });
    this.bffLogGroup = encryption.logGroup(this, 'BffLogs', `${props.logPrefix}/bff`, settings.logRetentionDays);
    this.connectorLogGroup = encryption.logGroup(
      this,
      'ConnectorLogs',
      `${props.logPrefix}/emr-connector`,
      settings.logRetentionDays,
    );

    // Security groups: egress only where each service must reach (HTTPS for AWS APIs and Stripe, then its peers).
    this.albSecurityGroup = new ec2.SecurityGroup(this, 'AlbSecurityGroup', {
      vpc,
      allowAllOutbound: false,
      description: 'Public ALB: HTTPS (and HTTP for the redirect) from anywhere',
    });
    this.albSecurityGroup.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS from patients');
    this.albSecurityGroup.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(80), 'HTTP, redirected to HTTPS');
    this.bffSecurityGroup = new ec2.SecurityGroup(this, 'BffSecurityGroup', {
      vpc,
      allowAllOutbound: false,
      description: 'BFF tasks: from the ALB only; out to HTTPS, the connector and Redis',
    });
    this.bffSecurityGroup.addEgressRule(
      ec2.Peer.anyIpv4(),
      ec2.Port.tcp(443),
      'Stripe API and AWS APIs (SQS, SES, Secrets Manager, ECR, Logs)',
    );
    this.connectorSecurityGroup = new ec2.SecurityGroup(this, 'ConnectorSecurityGroup', {
      vpc,
      allowAllOutbound: false,
      description: `EMR connector tasks: only the BFF tasks on port ${product.connectorPort}`,
    });
    this.connectorSecurityGroup.addEgressRule(
      ec2.Peer.anyIpv4(),
      ec2.Port.tcp(443),
      'AWS APIs (Secrets Manager, ECR, Logs)',
    );
    this.connectorSecurityGroup.connections.allowFrom(
      this.bffSecurityGroup,
      ec2.Port.tcp(product.connectorPort),
      'BFF to connector',
    );
    props.database.securityGroup.connections.allowFrom(
      this.connectorSecurityGroup,
      ec2.Port.tcp(5432),
      'Connector to PostgreSQL',
    );
    props.cache.securityGroup.connections.allowFrom(this.bffSecurityGroup, ec2.Port.tcp(6379), 'BFF to Redis (TLS)');

    // The EMR connector.
    const connectorTask = new ecs.FargateTaskDefinition(this, 'ConnectorTask', {
      cpu: 512,
      memoryLimitMiB: 1024,
      runtimePlatform: {
        cpuArchitecture: ecs.CpuArchitecture.X86_64,
        operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
      },
      volumes: [{ name: 'tmp' }],
    });
    const dbSecret = props.database.instance.secret!;
    const connector = connectorTask.addContainer(CONNECTOR_CONTAINER, {
      containerName: CONNECTOR_CONTAINER,
      image: imageAsset(CONNECTOR_IMAGE),
      user: IMAGE_USER,
      readonlyRootFilesystem: true,
      portMappings: [{ containerPort: product.connectorPort, name: 'http' }],
      logging: ecs.LogDrivers.awsLogs({ logGroup: this.connectorLogGroup, streamPrefix: CONNECTOR_CONTAINER }),
      environment: {
        EMR_PORT: String(product.connectorPort),
        EMR_HOST: '0.0.0.0',
        DATABASE_URL: props.database.jdbcUrl,
        DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE: String(settings.dbPoolSize),
        EMR_SEED_DEMO: 'false',
        EMR_DOCS_PUBLIC: 'false',
      },
      secrets: {
        EMR_API_KEY: ecs.Secret.fromSecretsManager(secrets.emrApiKey),
        DATASOURCES_DEFAULT_USERNAME: ecs.Secret.fromSecretsManager(dbSecret, 'username'),
        DATASOURCES_DEFAULT_PASSWORD: ecs.Secret.fromSecretsManager(dbSecret, 'password'),
      },
      healthCheck: {
        command: ['CMD-SHELL', `curl -fsS -o /dev/null http://127.0.0.1:${product.connectorPort}/health || exit 1`],
        interval: Duration.seconds(15),
        timeout: Duration.seconds(5),
        retries: 3,
        startPeriod: Duration.seconds(60),
      },
      stopTimeout: Duration.seconds(30),
    });
    connector.addMountPoints({ containerPath: '/tmp', sourceVolume: 'tmp', readOnly: false });
    this.connectorService = new ecs.FargateService(this, 'ConnectorService', {
      cluster: this.cluster,
      taskDefinition: connectorTask,
      desiredCount: settings.connectorDesiredCount,
      securityGroups: [this.connectorSecurityGroup],
      vpcSubnets: appSubnets,
      assignPublicIp: false,
      cloudMapOptions: { name: 'emr-connector', dnsTtl: Duration.seconds(10) },
      circuitBreaker: { enable: true, rollback: true },
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      enableExecuteCommand: false,
      propagateTags: ecs.PropagatedTagSource.SERVICE,
    });

    // The BFF.
    this.bffTaskDefinition = new ecs.FargateTaskDefinition(this, 'BffTask', {
      cpu: 1024,
      memoryLimitMiB: 2048,
      runtimePlatform: {
        cpuArchitecture: ecs.CpuArchitecture.X86_64,
        operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
      },
      volumes: [{ name: 'tmp' }],
    });
    const bff = this.bffTaskDefinition.addContainer(BFF_CONTAINER, {
      containerName: BFF_CONTAINER,
      image: imageAsset(BFF_IMAGE),
      user: IMAGE_USER,
      readonlyRootFilesystem: true,
      portMappings: [{ containerPort: product.bffPort, name: 'http' }],
      logging: ecs.LogDrivers.awsLogs({ logGroup: this.bffLogGroup, streamPrefix: BFF_CONTAINER }),
      environment: {
        BFF_PORT: String(product.bffPort),
        // Prometheus and Micronaut's management endpoints: no security group opens this port to the ALB.
        MANAGEMENT_PORT: '8082',
        // The ALB's addresses are in the VPC: only its X-Forwarded-For names the client (per-client rate limits).
        TRUSTED_PROXIES: vpc.vpcCidrBlock,
        // One connector address: Cloud Map's DNS name spreads the connector tasks (a comma-separated list also works).
        EMR_URL: `http://emr-connector.${INTERNAL_NAMESPACE}:${product.connectorPort}`,
        // SIGTERM (lifecycle.GracefulShutdown): readiness 503 at once, consumer drained within 20 s, HTTP served for at
        // least 5 s; both below the container's stopTimeout (30 s), after which ECS sends SIGKILL.
        SHUTDOWN_READINESS_DELAY: '5s',
        SHUTDOWN_DRAIN_TIMEOUT: '20s',
        // Real AWS endpoints: without them the jar would start its demo stand-ins (ElasticMQ, SES stand-in).
        SQS_ENDPOINT: `https://sqs.${Aws.REGION}.${Aws.URL_SUFFIX}`,
        SQS_QUEUE_NAME: props.queues.queue.queueName,
        SES_ENDPOINT: `https://email.${Aws.REGION}.${Aws.URL_SUFFIX}`,
        AWS_REGION: Aws.REGION,
        PAYMENTS_EMBEDDED: 'false',
        PAYMENTS_QUEUE_CONCURRENCY: String(settings.consumerConcurrency),
        RECEIPT_FROM_EMAIL: settings.receiptFromEmail,
        ALLOWED_ORIGINS: `https://${settings.domainName}`,
        // Statement links and QR codes the console prints point patients at the public site.
        PUBLIC_BASE_URL: `https://${settings.domainName}`,
        SESSION_COOKIE_SECURE: 'true',
        GRAPHQL_DEV_TOOLS: 'false',
        STRIPE_PUBLISHABLE_KEY: settings.stripePublishableKey,
        STRIPE_CONNECTED_ACCOUNTS: settings.stripeConnectedAccounts,
        UI_DIST_DIR: UI_DIST_IN_IMAGE,
      },
      secrets: {
        EMR_API_KEY: ecs.Secret.fromSecretsManager(secrets.emrApiKey),
        STRIPE_SECRET_KEY: ecs.Secret.fromSecretsManager(secrets.stripeSecretKey),
        STRIPE_WEBHOOK_SECRET: ecs.Secret.fromSecretsManager(secrets.stripeWebhookSecret),
        SESSION_JWT_SECRET: ecs.Secret.fromSecretsManager(secrets.sessionJwtSecret),
        ADMIN_JWT_SECRET: ecs.Secret.fromSecretsManager(secrets.adminJwtSecret),
        REDIS_URL: ecs.Secret.fromSecretsManager(props.cache.url),
      },
      healthCheck: {
        command: ['CMD-SHELL', `curl -fsS -o /dev/null http://127.0.0.1:${product.bffPort}/health/liveness || exit 1`],
        interval: Duration.seconds(15),
        timeout: Duration.seconds(5),
        retries: 3,
        startPeriod: Duration.seconds(60),
      },
      stopTimeout: Duration.seconds(30),
    });
    bff.addMountPoints({ containerPath: '/tmp', sourceVolume: 'tmp', readOnly: false });
    // The consumer and the operator commands (replay-dlq) use both queues; the webhook endpoint sends.
    props.queues.queue.grantConsumeMessages(this.bffTaskDefinition.taskRole);
    props.queues.queue.grantSendMessages(this.bffTaskDefinition.taskRole);
    props.queues.deadLetterQueue.grantConsumeMessages(this.bffTaskDefinition.taskRole);
    props.email.identity.grantSendEmail(this.bffTaskDefinition.taskRole);
    // SES authorizes a send against the configuration set too (here the identity's default set).
    this.bffTaskDefinition.taskRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [
          Stack.of(this).formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: props.email.configurationSet.configurationSetName,
            arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
          }),
        ],
      }),
    );

    this.bffService = new ecs.FargateService(this, 'BffService', {
      cluster: this.cluster,
      taskDefinition: this.bffTaskDefinition,
      desiredCount: settings.bffDesiredCount,
      securityGroups: [this.bffSecurityGroup],
      vpcSubnets: appSubnets,
      assignPublicIp: false,
      circuitBreaker: { enable: true, rollback: true },
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      enableExecuteCommand: false,
      healthCheckGracePeriod: Duration.seconds(60),
      propagateTags: ecs.PropagatedTagSource.SERVICE,
    });
    this.bffService.node.addDependency(this.connectorService);
    const scaling = this.bffService.autoScaleTaskCount({
      minCapacity: settings.bffDesiredCount,
      maxCapacity: settings.bffMaxCount,
    });
    scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });

    // The public load balancer.
    const accessLogSink = this.logBucket('ServerAccessLogs', settings, undefined);
    const albLogs = this.logBucket('AlbAccessLogs', settings, accessLogSink);
    this.alb = new elbv2.ApplicationLoadBalancer(this, 'Alb', {
      vpc,
      internetFacing: true,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      securityGroup: this.albSecurityGroup,
      deletionProtection: true,
      dropInvalidHeaderFields: true,
      desyncMitigationMode: elbv2.DesyncMitigationMode.DEFENSIVE,
      http2Enabled: true,
    });
    this.logAccessLogs(albLogs, 'alb');
    const certificate = settings.certificateArn
      ? acm.Certificate.fromCertificateArn(this, 'Certificate', settings.certificateArn)
      : new acm.Certificate(this, 'Certificate', {
          domainName: settings.domainName,
          validation: acm.CertificateValidation.fromDns(),
        });
    const targets = (cid: string) =>
      new elbv2.ApplicationTargetGroup(this, cid, {
        vpc,
        port: product.bffPort,
        protocol: elbv2.ApplicationProtocol.HTTP,
        targetType: elbv2.TargetType.IP,
        deregistrationDelay: Duration.seconds(30),
        healthCheck: {
          path: '/health/readiness',
          healthyHttpCodes: '200',
          interval: Duration.seconds(10),
          timeout: Duration.seconds(5),
          healthyThresholdCount: 2,
          unhealthyThresholdCount: 3,
        },
        targets: [this.bffService.loadBalancerTarget({ containerName: BFF_CONTAINER, containerPort: product.bffPort })],
      });
    this.bffTargetGroup = targets('BffTargets');
    this.graphqlTargetGroup = targets('GraphqlTargets');
    const https = this.alb.addListener('Https', {
      port: 443,
      protocol: elbv2.ApplicationProtocol.HTTPS,
      certificates: [certificate],
      sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
      open: false,
      defaultTargetGroups: [this.bffTargetGroup],
    });
    https.addTargetGroups('Graphql', {
      priority: 10,
      conditions: [elbv2.ListenerCondition.pathPatterns(['/graphql'])],
      targetGroups: [this.graphqlTargetGroup],
    });
    this.alb.addRedirect({
      sourceProtocol: elbv2.ApplicationProtocol.HTTP,
      sourcePort: 80,
      targetProtocol: elbv2.ApplicationProtocol.HTTPS,
      targetPort: 443,
      open: false,
    });
  }

  /**
   * ALB access logs without knowing the region at synth time (the L2 `logAccessLogs` needs it): regions older than
   * August 2022 deliver as a regional ELB account (looked up in a mapping built from the CDK's region facts), newer
   * ones as the `logdelivery.elasticloadbalancing.amazonaws.com` service principal; the bucket admits both.
   */
  private logAccessLogs(bucket: s3.Bucket, prefix: string): void {
    this.alb.setAttribute('access_logs.s3.enabled', 'true');
    this.alb.setAttribute('access_logs.s3.bucket', bucket.bucketName);
    this.alb.setAttribute('access_logs.s3.prefix', prefix);
    const accounts = new CfnMapping(this, 'ElbLogDeliveryAccounts', {
      mapping: Object.fromEntries(RegionInfo.regions.map((r) => [r.name, { account: r.elbv2Account ?? 'none' }])),
    });
    const account = accounts.findInMap(Aws.REGION, 'account');
    const legacy = new CfnCondition(this, 'RegionHasElbLogAccount', {
      expression: Fn.conditionNot(Fn.conditionEquals(account, 'none')),
    });
    const legacyPrincipal = Fn.conditionIf(
      legacy.logicalId,
      `arn:${Aws.PARTITION}:iam::${account}:root`,
      `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:root`,
    ).toString();
    const objects = bucket.arnForObjects(`${prefix}/AWSLogs/${Aws.ACCOUNT_ID}/*`);
    bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AlbLogDeliveryRegionalAccount',
        actions: ['s3:PutObject'],
        resources: [objects],
        principals: [new iam.ArnPrincipal(legacyPrincipal)],
      }),
    );
    bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AlbLogDeliveryService',
        actions: ['s3:PutObject'],
        resources: [objects],
        principals: [new iam.ServicePrincipal('logdelivery.elasticloadbalancing.amazonaws.com')],
      }),
    );
    if (bucket.policy) {
      this.alb.node.addDependency(bucket.policy);
    }
  }

  /** A private, TLS-only, versioned bucket for access logs, expiring after the log retention. */
  private logBucket(id: string, settings: DeploymentSettings, serverAccessLogs: s3.IBucket | undefined): s3.Bucket {
    return new s3.Bucket(this, id, {
      // ALB and S3 server access logging write only to buckets encrypted with S3-managed keys.
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      serverAccessLogsBucket: serverAccessLogs,
      serverAccessLogsPrefix: serverAccessLogs ? `${id}/` : undefined,
      lifecycleRules: [
        { expiration: Duration.days(settings.logRetentionDays), noncurrentVersionExpiration: Duration.days(30) },
      ],
    });
  }
}
