import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cw from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { ALARM_RULES, AlarmRule } from './alarm-thresholds';
import { Encryption } from './encryption';
import { Services } from './services';
import { DeploymentSettings } from './settings';
import { WebhookQueues } from './webhook-queue';

/** Namespace of the metrics this stack derives from logs. */
export const METRIC_NAMESPACE = 'PatientPayments';
/** The logger of the reconciliation job's summary line (its JSON fields `repaired`, `providerSucceeded`). */
export const RECONCILIATION_LOGGER = 'com.patientpayments.bff.reconciliation.Reconciliation';
/** ECS stop codes that mean a task died rather than was replaced by a deployment or scale-in. */
export const UNEXPECTED_STOP_CODES = ['EssentialContainerExited', 'TaskFailedToStart'];

/**
 * The CloudWatch alarms (rules and thresholds in lib/alarm-thresholds.ts, mirrored by ops/prometheus/alerts.yml),
 * each notifying the KMS-encrypted alarm topic on ALARM and on OK:
 * DLQ depth > 0; oldest webhook message age; 5xx share at the ALB; p95 of `/graphql` (its own target group);
 * reconciliation repairs > 0 (a metric filter on the BFF's JSON log line); ECS task restarts (an EventBridge rule on
 * unexpected task stops, which also keeps each stop event in a log group). Plus the webhook API's own 5xx.
 */
export class Alarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: Record<keyof typeof ALARM_RULES | 'webhookApi5xx', cw.Alarm>;

  constructor(
    scope: Construct,
    id: string,
    props: {
      settings: DeploymentSettings;
      encryption: Encryption;
      services: Services;
      queues: WebhookQueues;
      webhookApi: apigw.RestApi;
      logPrefix: string;
    },
  ) {
    super(scope, id);
    const { services, queues } = props;
    const stackName = Stack.of(this).stackName;
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'Patient Payments alarms',
      masterKey: props.encryption.dataKey,
      enforceSSL: true,
    });
    if (props.settings.alarmEmail) {
      this.topic.addSubscription(new subscriptions.EmailSubscription(props.settings.alarmEmail));
    }
    const action = new cwActions.SnsAction(this.topic);
    const alarm = (rule: AlarmRule, metric: cw.IMetric): cw.Alarm => {
      const a = new cw.Alarm(this, rule.name, {
        alarmName: `${stackName}-${rule.name}`,
        alarmDescription: `${rule.description} (threshold: > ${rule.threshold} ${rule.unit})`,
        metric,
        threshold: rule.threshold,
        comparisonOperator: cw.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: rule.evaluationPeriods,
        datapointsToAlarm: rule.evaluationPeriods,
        treatMissingData: cw.TreatMissingData.NOT_BREACHING,
      });
      a.addAlarmAction(action);
      a.addOkAction(action);
      return a;
    };
    const period = (rule: AlarmRule) => Duration.seconds(rule.periodSeconds);
    const R = ALARM_RULES;

    const dlq = alarm(
      R.webhookDlqNotEmpty,
      queues.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: period(R.webhookDlqNotEmpty),
        statistic: cw.Stats.MAXIMUM,
      }),
    );
    const age = alarm(
      R.webhookOldestMessageAge,
      queues.queue.metricApproximateAgeOfOldestMessage({
        period: period(R.webhookOldestMessageAge),
        statistic: cw.Stats.MAXIMUM,
      }),
    );

    const p5 = period(R.http5xxRate);
    const http5xx = alarm(
      R.http5xxRate,
      new cw.MathExpression({
        label: '5xx share of requests (%)',
        expression: 'IF(requests > 0, 100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / requests, 0)',
        period: p5,
        usingMetrics: {
          requests: services.alb.metrics.requestCount({ period: p5, statistic: cw.Stats.SUM }),
          target5xx: services.alb.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, {
            period: p5,
            statistic: cw.Stats.SUM,
          }),
          elb5xx: services.alb.metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, {
            period: p5,
            statistic: cw.Stats.SUM,
          }),
        },
      }),
    );

    const latency = alarm(
      R.graphqlP95Latency,
      services.graphqlTargetGroup.metrics.targetResponseTime({
        period: period(R.graphqlP95Latency),
        statistic: cw.Stats.percentile(95),
      }),
    );

    const repairedFilter = new logs.MetricFilter(this, 'ReconciliationRepairedFilter', {
      logGroup: services.bffLogGroup,
      metricNamespace: METRIC_NAMESPACE,
      metricName: 'ReconciliationRepaired',
      filterPattern: logs.FilterPattern.all(
        logs.FilterPattern.stringValue('$.logger_name', '=', RECONCILIATION_LOGGER),
        // Numeric comparison: matches only a numeric `repaired` field (the SLF4J key-value pair).
        logs.FilterPattern.numberValue('$.repaired', '>=', 0),
      ),
      metricValue: '$.repaired',
      unit: cw.Unit.COUNT,
    });
    const repairs = alarm(
      R.reconciliationRepairs,
      repairedFilter.metric({
        period: period(R.reconciliationRepairs),
        statistic: cw.Stats.SUM,
      }),
    );

    const stoppedLog = props.encryption.logGroup(
      this,
      'TaskStopEvents',
      `/aws/events/${stackName}/ecs-task-stops`,
      props.settings.logRetentionDays,
    );
    const stopped = new events.Rule(this, 'UnexpectedTaskStop', {
      description:
        'An ECS task of this stack died (essential container exited, failed to start, or failed its health checks)',
      eventPattern: {
        source: ['aws.ecs'],
        detailType: ['ECS Task State Change'],
        detail: {
          clusterArn: [services.cluster.clusterArn],
          lastStatus: ['STOPPED'],
          $or: [{ stopCode: UNEXPECTED_STOP_CODES }, { stoppedReason: [{ prefix: 'Task failed' }] }],
        },
      },
      targets: [new LogGroupTarget(stoppedLog)],
    });
    // EventBridge writes to the log group under this (native) resource policy; the events-targets L2 would install
    // it through a Lambda-backed custom resource instead.
    new logs.ResourcePolicy(this, 'TaskStopEventsPolicy', {
      policyStatements: [
        new iam.PolicyStatement({
          principals: [
            new iam.ServicePrincipal('events.amazonaws.com'),
            new iam.ServicePrincipal('delivery.logs.amazonaws.com'),
          ],
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [stoppedLog.logGroupArn],
        }),
      ],
    });
    const restarts = alarm(
      R.taskRestarts,
      new cw.Metric({
        namespace: 'AWS/Events',
        metricName: 'TriggeredRules',
        dimensionsMap: { RuleName: stopped.ruleName },
        period: period(R.taskRestarts),
        statistic: cw.Stats.SUM,
      }),
    );

    const webhookApi5xx = new cw.Alarm(this, 'WebhookApi5xx', {
      alarmName: `${stackName}-WebhookApi5xx`,
      alarmDescription:
        'The webhook API could not queue a Stripe event (SQS refused it); Stripe retries, but check the ' +
        'queue, its KMS key and the API role (threshold: > 0 in 5 minutes)',
      metric: props.webhookApi.metricServerError({ period: Duration.minutes(5), statistic: cw.Stats.SUM }),
      threshold: 0,
      comparisonOperator: cw.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cw.TreatMissingData.NOT_BREACHING,
    });
    webhookApi5xx.addAlarmAction(action);
    webhookApi5xx.addOkAction(action);

    this.alarms = {
      webhookDlqNotEmpty: dlq,
      webhookOldestMessageAge: age,
      http5xxRate: http5xx,
      graphqlP95Latency: latency,
      reconciliationRepairs: repairs,
      taskRestarts: restarts,
      webhookApi5xx,
    };
  }
}

/** An EventBridge target writing matched events to a log group (whose resource policy admits EventBridge). */
class LogGroupTarget implements events.IRuleTarget {
  constructor(private readonly logGroup: logs.ILogGroup) {}

  bind(): events.RuleTargetConfig {
    return {
      arn: Stack.of(this.logGroup).formatArn({
        service: 'logs',
        resource: 'log-group',
        resourceName: this.logGroup.logGroupName,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      }),
    };
  }
}
