import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

/**
 * A regional WAF web ACL for a public entry point: AWS managed rule groups (common exploits, known bad inputs, IP
 * reputation) and a rate-based rule per client IP. Logs go to the given `aws-waf-logs-…` group with the cookie,
 * authorization and Stripe-Signature headers redacted.
 */
export class EdgeProtection extends Construct {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(
    scope: Construct,
    id: string,
    props: {
      /** Requests per 5 minutes per client IP before WAF blocks it. */
      perIpLimit: number;
      /** Whether the AWS common rule set applies (its 8 KB body-size rule only counts: Stripe events can be larger). */
      commonRuleSet: boolean;
      /**
       * A path prefix with its own, higher per-IP limit (Stripe delivers webhooks from a handful of addresses); the
       * general limit then applies to every other path.
       */
      separateLimit?: { pathPrefix: string; perIpLimit: number };
      logGroup: logs.ILogGroup;
      description: string;
    },
  ) {
    super(scope, id);
    const metric = (name: string) => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName: name,
    });
    const managed = (name: string, priority: number, countOnly: string[] = []): wafv2.CfnWebACL.RuleProperty => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name,
          ruleActionOverrides: countOnly.length
            ? countOnly.map((r) => ({ name: r, actionToUse: { count: {} } }))
            : undefined,
        },
      },
      visibilityConfig: metric(name),
    });
    const path = props.separateLimit?.pathPrefix;
    const pathMatch: wafv2.CfnWebACL.StatementProperty | undefined = path
      ? {
          byteMatchStatement: {
            fieldToMatch: { uriPath: {} },
            positionalConstraint: 'STARTS_WITH',
            searchString: path,
            textTransformations: [{ priority: 0, type: 'NONE' }],
          },
        }
      : undefined;
    const rules: wafv2.CfnWebACL.RuleProperty[] = [
      {
        name: 'PerIpRateLimit',
        priority: 0,
        action: { block: {} },
        statement: {
          rateBasedStatement: {
            limit: props.perIpLimit,
            aggregateKeyType: 'IP',
            scopeDownStatement: pathMatch ? { notStatement: { statement: pathMatch } } : undefined,
          },
        },
        visibilityConfig: metric('PerIpRateLimit'),
      },
      managed('AWSManagedRulesAmazonIpReputationList', 1),
      managed('AWSManagedRulesKnownBadInputsRuleSet', 2),
    ];
    if (props.separateLimit && pathMatch) {
      rules.push({
        name: 'PathPerIpRateLimit',
        priority: 4,
        action: { block: {} },
        statement: {
          rateBasedStatement: {
            limit: props.separateLimit.perIpLimit,
            aggregateKeyType: 'IP',
            scopeDownStatement: pathMatch,
          },
        },
        visibilityConfig: metric('PathPerIpRateLimit'),
      });
    }
    if (props.commonRuleSet) {
      // The BFF bounds bodies itself (1 MB, GraphQL document limits); Stripe events may exceed WAF's 8 KB.
      rules.push(managed('AWSManagedRulesCommonRuleSet', 3, ['SizeRestrictions_BODY']));
    }
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: `${Stack.of(this).stackName}-${id}`,
      description: props.description,
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      rules,
      visibilityConfig: metric(`${id}WebAcl`),
    });
    new wafv2.CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      // WAF wants the log group's ARN without the trailing `:*` that CloudFormation's Arn attribute carries.
      logDestinationConfigs: [
        Stack.of(this).formatArn({
          service: 'logs',
          resource: 'log-group',
          resourceName: props.logGroup.logGroupName,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
      redactedFields: [
        { singleHeader: { Name: 'cookie' } },
        { singleHeader: { Name: 'authorization' } },
        { singleHeader: { Name: 'stripe-signature' } },
      ],
    });
  }

  /** Protects a resource (an ALB or an API Gateway stage) with this web ACL. */
  protect(id: string, resourceArn: string): void {
    new wafv2.CfnWebACLAssociation(this, id, { resourceArn, webAclArn: this.webAcl.attrArn });
  }
}
