#!/usr/bin/env node
import { App, Validations } from 'aws-cdk-lib';
import { HIPAASecurityChecks, PCIDSS321Checks } from 'cdk-nag';
import { PatientPaymentsStack } from '../lib/patient-payments-stack';

/** Feature flags the stack is written for (kept in code so tests and `cdk synth` build the same template). */
export const FEATURE_FLAGS: Record<string, unknown> = {
  '@aws-cdk/core:checkSecretUsage': true,
  '@aws-cdk/aws-ec2:restrictDefaultSecurityGroup': true,
  '@aws-cdk/aws-iam:minimizePolicies': true,
  '@aws-cdk/core:enablePartitionLiterals': true,
  '@aws-cdk/aws-ecs:arnFormatIncludesClusterName': true,
  '@aws-cdk/aws-kms:aliasNameRef': true,
  '@aws-cdk/aws-rds:preventRenderingDeprecatedCredentials': true,
  '@aws-cdk/aws-ecs:removeDefaultDeploymentAlarm': true,
  '@aws-cdk/aws-ecs:disableEcsImdsBlocking': true,
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  '@aws-cdk/aws-elasticloadbalancingV2:albDualstackWithoutPublicIpv4SecurityGroupRulesDefault': true,
  '@aws-cdk/aws-sns:useKmsAliasForEncryption': false,
};

export interface BuildOptions {
  /** Cloud assembly directory (default: the CLI's, or a temporary one). */
  readonly outdir?: string;
  /** Context on top of the feature flags (what `-c key=value` gives the CLI). */
  readonly context?: Record<string, unknown>;
  /** Attach the justified cdk-nag exceptions (default true). */
  readonly nagSuppressions?: boolean;
  /** Run CDK's built-in CloudFormation template validation at synth (default true). */
  readonly builtinCloudFormationValidation?: boolean;
}

export interface BuiltApp {
  readonly app: App;
  readonly stack: PatientPaymentsStack;
}

/**
 * The CDK app: one environment-agnostic stack, checked by cdk-nag's HIPAA Security and PCI DSS 3.2.1 packs (their
 * findings are errors at synth; justified exceptions live in lib/nag-suppressions.ts).
 */
export function buildApp(options: BuildOptions = {}): BuiltApp {
  const app = new App({
    outdir: options.outdir,
    context: { ...FEATURE_FLAGS, ...(options.context ?? {}) },
    ...(options.builtinCloudFormationValidation === false ? { builtinCloudFormationValidation: false } : {}),
  });
  const stackName = (app.node.tryGetContext('stackName') as string | undefined) ?? 'PatientPayments';
  const stack = new PatientPaymentsStack(app, stackName, {
    description: 'Patient Payments: online bill pay for dental practices (docs/deploy-aws.md)',
    nagSuppressions: options.nagSuppressions,
  });
  Validations.of(app).addPlugins(
    new HIPAASecurityChecks(app, { verbose: true }),
    new PCIDSS321Checks(app, { verbose: true }),
  );
  return { app, stack };
}

if (require.main === module) {
  buildApp().app.synth();
}
