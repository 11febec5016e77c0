import { Node } from 'constructs';

/**
 * What differs between deployments, given as CDK context (`cdk deploy -c domainName=pay.example-dental.com …` or the
 * `context` block of cdk.json). Every key is optional for `cdk synth`, so the stack synthesizes offline with the
 * placeholders below; a real deployment sets at least `domainName` (and usually `certificateArn`, `alarmEmail`).
 */
export interface DeploymentSettings {
  /** Public host name of the patient site (the ALB), e.g. `pay.brightsmiles.example`. */
  readonly domainName: string;
  /** ACM certificate for `domainName` in the stack's region; absent: one is requested with DNS validation. */
  readonly certificateArn?: string;
  /** Domain receipts are sent from (SES identity); default: `domainName`. */
  readonly emailDomain: string;
  /** Sender address of receipt emails (env RECEIPT_FROM_EMAIL); default `receipts@<emailDomain>`. */
  readonly receiptFromEmail: string;
  /** Address subscribed to the alarm topic; absent: subscribe later (see docs/deploy-aws.md). */
  readonly alarmEmail?: string;
  /** Stripe publishable key (pk_live_…); not a secret, it is sent to browsers. */
  readonly stripePublishableKey: string;
  /** Connected accounts the reconciliation job scans besides the platform account, comma-separated. */
  readonly stripeConnectedAccounts: string;
  /** BFF tasks (minimum of the auto-scaling range). */
  readonly bffDesiredCount: number;
  /** BFF tasks at most (CPU target tracking scales between desired and max). */
  readonly bffMaxCount: number;
  /** Connector tasks. */
  readonly connectorDesiredCount: number;
  /** Webhook consumer threads per BFF task (env PAYMENTS_QUEUE_CONCURRENCY). */
  readonly consumerConcurrency: number;
  /** Connector database pool size per task (env DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE). */
  readonly dbPoolSize: number;
  /** NAT gateways (one per AZ for availability; 1 to save cost in staging). */
  readonly natGateways: number;
  /** RDS instance class, e.g. `t4g.medium`, `m7g.large`. */
  readonly dbInstanceType: string;
  /** RDS Multi-AZ standby. */
  readonly dbMultiAz: boolean;
  /** RDS automated backup retention, days (1–35). */
  readonly dbBackupRetentionDays: number;
  /** ElastiCache node type, e.g. `cache.t4g.small`. */
  readonly cacheNodeType: string;
  /** Log retention of every log group, days. */
  readonly logRetentionDays: number;
  /** API Gateway steady-state limit of the webhook endpoint, requests per second. */
  readonly webhookRateLimit: number;
  /** API Gateway burst limit of the webhook endpoint. */
  readonly webhookBurstLimit: number;
  /** WAF rate-based limit per client IP on the patient site, requests per 5 minutes. */
  readonly sitePerIpLimit: number;
  /**
   * Where Stripe delivers webhooks: `bff` — the BFF's own endpoint behind the ALB, which verifies the signature
   * before queueing; `api-gateway` — API Gateway straight into SQS, which needs a consumer that verifies every
   * queued message. The gateway is always deployed; with `bff` its resource policy refuses every request.
   */
  readonly webhookIngress: WebhookIngressMode;
}

/** See {@link DeploymentSettings.webhookIngress}. */
export type WebhookIngressMode = 'bff' | 'api-gateway';

/** Defaults: a small production footprint in two AZs. */
export const DEFAULTS = {
  domainName: 'pay.example.com',
  stripePublishableKey: '',
  stripeConnectedAccounts: '',
  bffDesiredCount: 2,
  bffMaxCount: 6,
  connectorDesiredCount: 2,
  consumerConcurrency: 8,
  dbPoolSize: 16,
  natGateways: 2,
  dbInstanceType: 't4g.medium',
  dbMultiAz: true,
  dbBackupRetentionDays: 35,
  cacheNodeType: 'cache.t4g.small',
  logRetentionDays: 400,
  webhookRateLimit: 50,
  webhookBurstLimit: 100,
  sitePerIpLimit: 1000,
  // The queue consumer does not verify API-Gateway-shaped messages yet: until it does,
  // the gateway stays closed and Stripe posts to the BFF, which verifies before queueing.
  webhookIngress: 'bff',
} as const;

type NumericKey = {
  [K in keyof typeof DEFAULTS]: (typeof DEFAULTS)[K] extends number ? K : never;
}[keyof typeof DEFAULTS];

/** Reads and validates the context of `node` (the app or the stack). Throws naming the key on a bad value. */
export function readSettings(node: Node): DeploymentSettings {
  const str = (key: string, fallback?: string): string | undefined => {
    const v = node.tryGetContext(key);
    return v === undefined || v === null || String(v).trim() === '' ? fallback : String(v).trim();
  };
  const int = (key: NumericKey, min: number, max: number): number => {
    const raw = str(key, String(DEFAULTS[key]))!;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new Error(`context '${key}' must be an integer in [${min}, ${max}], got '${raw}'`);
    }
    return n;
  };
  const bool = (key: 'dbMultiAz'): boolean => {
    const raw = str(key, String(DEFAULTS[key]))!;
    if (raw !== 'true' && raw !== 'false') {
      throw new Error(`context '${key}' must be true or false, got '${raw}'`);
    }
    return raw === 'true';
  };
  const domainName = str('domainName', DEFAULTS.domainName)!;
  if (!/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(domainName)) {
    throw new Error(`context 'domainName' must be a lower-case DNS name, got '${domainName}'`);
  }
  const emailDomain = str('emailDomain', domainName)!;
  const certificateArn = str('certificateArn');
  if (certificateArn && !/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]+$/.test(certificateArn)) {
    throw new Error(`context 'certificateArn' is not an ACM certificate ARN: '${certificateArn}'`);
  }
  const publishable = str('stripePublishableKey', DEFAULTS.stripePublishableKey)!;
  if (publishable && !/^pk_(live|test)_[A-Za-z0-9]+$/.test(publishable)) {
    throw new Error(
      "context 'stripePublishableKey' must be a publishable key (pk_live_… or pk_test_…); " +
        'secret keys go into Secrets Manager, never into context',
    );
  }
  const bffDesiredCount = int('bffDesiredCount', 1, 50);
  const bffMaxCount = int('bffMaxCount', 1, 100);
  if (bffMaxCount < bffDesiredCount) {
    throw new Error(`context 'bffMaxCount' (${bffMaxCount}) is below 'bffDesiredCount' (${bffDesiredCount})`);
  }
  const webhookIngress = str('webhookIngress', DEFAULTS.webhookIngress)!;
  if (webhookIngress !== 'bff' && webhookIngress !== 'api-gateway') {
    throw new Error(`context 'webhookIngress' must be bff or api-gateway, got '${webhookIngress}'`);
  }
  return {
    webhookIngress,
    domainName,
    certificateArn,
    emailDomain,
    receiptFromEmail: str('receiptFromEmail', `receipts@${emailDomain}`)!,
    alarmEmail: str('alarmEmail'),
    stripePublishableKey: publishable,
    stripeConnectedAccounts: str('stripeConnectedAccounts', DEFAULTS.stripeConnectedAccounts)!,
    bffDesiredCount,
    bffMaxCount,
    connectorDesiredCount: int('connectorDesiredCount', 1, 50),
    consumerConcurrency: int('consumerConcurrency', 1, 64),
    dbPoolSize: int('dbPoolSize', 2, 200),
    natGateways: int('natGateways', 1, 3),
    dbInstanceType: str('dbInstanceType', DEFAULTS.dbInstanceType)!,
    dbMultiAz: bool('dbMultiAz'),
    dbBackupRetentionDays: int('dbBackupRetentionDays', 1, 35),
    cacheNodeType: str('cacheNodeType', DEFAULTS.cacheNodeType)!,
    logRetentionDays: retentionDays(int('logRetentionDays', 1, 3653)),
    webhookRateLimit: int('webhookRateLimit', 1, 10000),
    webhookBurstLimit: int('webhookBurstLimit', 1, 5000),
    sitePerIpLimit: int('sitePerIpLimit', 100, 2000000000),
  };
}

/** The retention periods CloudWatch Logs accepts, days. */
export const LOG_RETENTION_VALUES = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

function retentionDays(days: number): number {
  if (!LOG_RETENTION_VALUES.includes(days)) {
    throw new Error(`context 'logRetentionDays' must be one of ${LOG_RETENTION_VALUES.join(', ')}, got ${days}`);
  }
  return days;
}
