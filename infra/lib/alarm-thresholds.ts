/**
 * The alarm rules, shared by the CloudWatch alarms (lib/alarms.ts) and checked against the Prometheus rules in
 * ops/prometheus/alerts.yml by test/ops-consistency.test.ts: an alarm fires when the statistic is **above**
 * `threshold` over `periodSeconds`, for `evaluationPeriods` consecutive periods. In Prometheus the same rule is a
 * `[period]` window and `for: (evaluationPeriods − 1) × period`.
 */
export interface AlarmRule {
  /** Alarm name suffix in CloudWatch and the `cloudwatch_alarm` label of the Prometheus rule. */
  readonly name: string;
  readonly threshold: number;
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  /**
   * Range window of the Prometheus rule, seconds, where it differs from the period: the oldest-message rule looks at
   * the last `threshold` seconds of queue depth and processing.
   */
  readonly promWindowSeconds?: number;
  /** Unit of the threshold, for people. */
  readonly unit: string;
  readonly description: string;
}

export const ALARM_RULES = {
  webhookDlqNotEmpty: {
    name: 'WebhookDlqNotEmpty',
    threshold: 0,
    periodSeconds: 60,
    evaluationPeriods: 1,
    unit: 'messages',
    description:
      'A webhook event failed max-receives times and sits in the dead-letter queue: fix the cause, then ' +
      'replay the DLQ (docs/deploy-aws.md, "DLQ replay").',
  },
  webhookOldestMessageAge: {
    name: 'WebhookOldestMessageAge',
    threshold: 300,
    periodSeconds: 60,
    evaluationPeriods: 1,
    unit: 'seconds',
    promWindowSeconds: 300,
    description:
      'A webhook event has waited in the queue for over 5 minutes: the consumers are down, stuck or ' +
      'failing (check the BFF logs and the connector).',
  },
  http5xxRate: {
    name: 'Http5xxRate',
    threshold: 1,
    periodSeconds: 300,
    evaluationPeriods: 1,
    unit: 'percent of requests',
    description: 'Over 1 % of patient-site requests answered 5xx in 5 minutes.',
  },
  graphqlP95Latency: {
    name: 'GraphqlP95Latency',
    threshold: 1,
    periodSeconds: 300,
    evaluationPeriods: 3,
    unit: 'seconds',
    description:
      'p95 latency of /graphql above 1 s for 15 minutes (targets: charges p95 ≤ 20 ms, sign-in ≤ 60 ms; ' +
      'startPayment includes a Stripe call).',
  },
  reconciliationRepairs: {
    name: 'ReconciliationRepairs',
    threshold: 0,
    periodSeconds: 1800,
    evaluationPeriods: 1,
    unit: 'payments',
    description:
      'Reconciliation posted payments the ledger lacked: a webhook was lost or never arrived. The money ' +
      'is posted; find out why the webhook did not arrive (Stripe dashboard, webhook endpoint, API Gateway logs).',
  },
  taskRestarts: {
    name: 'TaskRestarts',
    threshold: 0,
    periodSeconds: 300,
    evaluationPeriods: 1,
    unit: 'restarts',
    description: 'An ECS task stopped unexpectedly (container exit, failed health check or failed start).',
  },
} as const satisfies Record<string, AlarmRule>;
