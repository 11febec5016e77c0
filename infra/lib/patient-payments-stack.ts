import { CfnOutput, Stack, StackProps, Tags } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Alarms } from './alarms';
import { Backups } from './backups';
import { Cache } from './cache';
import { Database } from './database';
import { EdgeProtection } from './edge-protection';
import { Email } from './email';
import { Encryption } from './encryption';
import { applyNagSuppressions } from './nag-suppressions';
import { Network } from './network';
import { ProductConfig, readProductConfig } from './product-config';
import { AppSecrets } from './secrets';
import { BFF_CONTAINER, Services } from './services';
import { DeploymentSettings, readSettings } from './settings';
import { WebhookIngress } from './webhook-ingress';
import { WebhookQueues } from './webhook-queue';

export interface PatientPaymentsStackProps extends StackProps {
  /** Overrides the context-derived settings (tests). */
  readonly settings?: DeploymentSettings;
  /** Overrides the application.yml-derived product settings (tests). */
  readonly product?: ProductConfig;
  /** Whether the justified cdk-nag exceptions are attached (default true; tests turn them off to see every finding). */
  readonly nagSuppressions?: boolean;
}

/**
 * Patient Payments on AWS (docs/deploy-aws.md): VPC, ECS Fargate BFF behind an HTTPS ALB with WAF, internal EMR
 * connector, RDS PostgreSQL, ElastiCache Redis, SQS webhook queue + DLQ, API Gateway webhook ingress straight into
 * SQS, SES configuration set and identity, Secrets Manager secrets, CloudWatch logs and alarms, AWS Backup.
 * Environment-agnostic: `cdk synth` needs no AWS account, network or Docker.
 */
export class PatientPaymentsStack extends Stack {
  readonly settings: DeploymentSettings;
  readonly product: ProductConfig;
  readonly encryption: Encryption;
  readonly network: Network;
  readonly secrets: AppSecrets;
  readonly database: Database;
  readonly cache: Cache;
  readonly queues: WebhookQueues;
  readonly email: Email;
  readonly services: Services;
  readonly ingress: WebhookIngress;
  readonly siteProtection: EdgeProtection;
  readonly webhookProtection: EdgeProtection;
  readonly alarms: Alarms;
  readonly backups: Backups;

  constructor(scope: Construct, id: string, props: PatientPaymentsStackProps = {}) {
    super(scope, id, props);
    this.settings = props.settings ?? readSettings(this.node);
    this.product = props.product ?? readProductConfig();
    const settings = this.settings;
    const logPrefix = `/patient-payments/${this.stackName}`;
    Tags.of(this).add('application', 'patient-payments');
    Tags.of(this).add('data-classification', 'phi');

    this.encryption = new Encryption(this, 'Encryption');
    this.network = new Network(this, 'Network', { settings, encryption: this.encryption, logPrefix });
    const vpc = this.network.vpc;
    this.secrets = new AppSecrets(this, 'Secrets', { key: this.encryption.dataKey });
    this.database = new Database(this, 'Database', { vpc, settings, encryption: this.encryption, logPrefix });
    this.cache = new Cache(this, 'Cache', { vpc, settings, encryption: this.encryption, logPrefix });
    this.queues = new WebhookQueues(this, 'Webhooks', { key: this.encryption.dataKey, product: this.product });
    this.email = new Email(this, 'Email', { settings });
    this.services = new Services(this, 'Services', {
      vpc,
      settings,
      product: this.product,
      encryption: this.encryption,
      secrets: this.secrets,
      database: this.database,
      cache: this.cache,
      queues: this.queues,
      email: this.email,
      logPrefix,
    });

    const apiAccessLogs = this.encryption.logGroup(
      this,
      'WebhookApiAccessLogs',
      `${logPrefix}/webhook-api-access`,
      settings.logRetentionDays,
    );
    this.ingress = new WebhookIngress(this, 'WebhookIngress', {
      queue: this.queues.queue,
      settings,
      accessLogs: apiAccessLogs,
    });

    // WAF log group names must start with aws-waf-logs-.
    const wafLogs = this.encryption.logGroup(
      this,
      'WafLogs',
      `aws-waf-logs-${this.stackName}`,
      settings.logRetentionDays,
    );
    this.siteProtection = new EdgeProtection(this, 'SiteWaf', {
      perIpLimit: settings.sitePerIpLimit,
      commonRuleSet: true,
      logGroup: wafLogs,
      separateLimit: { pathPrefix: '/webhooks/stripe', perIpLimit: 20000 },
      description: 'Patient site ALB - managed rules and a per-IP rate limit',
    });
    this.siteProtection.protect('Alb', this.services.alb.loadBalancerArn);
    this.webhookProtection = new EdgeProtection(this, 'WebhookWaf', {
      // Stripe sends from a few addresses: a per-IP limit far above any webhook burst, no body-size rule.
      perIpLimit: 20000,
      commonRuleSet: false,
      logGroup: wafLogs,
      description: 'Stripe webhook API - reputation and bad-input rules, a generous per-IP rate limit',
    });
    this.webhookProtection.protect('WebhookStage', this.ingress.stage.stageArn);

    this.alarms = new Alarms(this, 'Alarms', {
      settings,
      encryption: this.encryption,
      services: this.services,
      queues: this.queues,
      webhookApi: this.ingress.api,
      logPrefix,
    });
    this.backups = new Backups(this, 'Backups', { key: this.encryption.dataKey, database: this.database.instance });

    const output = (id: string, value: string, description: string) => new CfnOutput(this, id, { value, description });
    output(
      'SiteLoadBalancerDns',
      this.services.alb.loadBalancerDnsName,
      `Point ${settings.domainName} here (CNAME, or a Route 53 alias)`,
    );
    output(
      'StripeWebhookUrl',
      this.ingress.open ? this.ingress.webhookUrl : `https://${settings.domainName}/webhooks/stripe`,
      `Register this URL as the Stripe webhook endpoint (webhookIngress=${settings.webhookIngress})`,
    );
    output(
      'WebhookGatewayUrl',
      this.ingress.webhookUrl,
      this.ingress.open
        ? 'API Gateway webhook ingress (open)'
        : 'API Gateway webhook ingress (closed: webhookIngress=bff)',
    );
    output('WebhookQueueUrl', this.queues.queue.queueUrl, 'SQS webhook queue');
    output('WebhookDeadLetterQueueUrl', this.queues.deadLetterQueue.queueUrl, 'SQS webhook dead-letter queue');
    output('ClusterName', this.services.cluster.clusterName, 'ECS cluster');
    output('BffServiceName', this.services.bffService.serviceName, 'ECS service of the BFF');
    output('ConnectorServiceName', this.services.connectorService.serviceName, 'ECS service of the EMR connector');
    output(
      'BffTaskDefinition',
      this.services.bffTaskDefinition.family,
      `Task definition family for one-off operator tasks (container "${BFF_CONTAINER}": replay-dlq, reconcile)`,
    );
    output('AppSubnets', vpc.privateSubnets.map((s) => s.subnetId).join(','), 'Private subnets for one-off tasks');
    output('BffSecurityGroup', this.services.bffSecurityGroup.securityGroupId, 'Security group for one-off BFF tasks');
    output('StripeSecretKeySecret', this.secrets.stripeSecretKey.secretName, 'Put the live Stripe secret key here');
    output(
      'StripeWebhookSecretSecret',
      this.secrets.stripeWebhookSecret.secretName,
      'Put the webhook signing secret here',
    );
    output('DatabaseEndpoint', this.database.instance.dbInstanceEndpointAddress, 'RDS PostgreSQL endpoint (private)');
    output('AlarmTopicArn', this.alarms.topic.topicArn, 'Subscribe on-call here');
    output('EmailIdentity', this.email.identity.emailIdentityName, 'SES identity: publish the three DKIM CNAMEs below');
    [1, 2, 3].forEach((n) => {
      const name = (this.email.identity as unknown as Record<string, string>)[`dkimDnsTokenName${n}`];
      const value = (this.email.identity as unknown as Record<string, string>)[`dkimDnsTokenValue${n}`];
      output(`DkimRecord${n}`, `${name} CNAME ${value}`, `SES Easy DKIM record ${n}`);
    });

    if (props.nagSuppressions ?? true) {
      applyNagSuppressions(this);
    }
  }
}
