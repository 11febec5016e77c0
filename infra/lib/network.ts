import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { Encryption } from './encryption';
import { DeploymentSettings } from './settings';

/** What a store in the isolated subnets (the database, the cache) is built from. */
export interface IsolatedStoreProps {
  vpc: ec2.IVpc;
  settings: DeploymentSettings;
  encryption: Encryption;
  /** Prefix of the store's log group names. */
  logPrefix: string;
}

/**
 * A store's security group in the isolated subnets: nothing outbound, and nothing inbound until the stack allows the
 * one service that uses the store.
 */
export function isolatedStoreSecurityGroup(scope: Construct, vpc: ec2.IVpc, description: string): ec2.SecurityGroup {
  return new ec2.SecurityGroup(scope, 'SecurityGroup', { vpc, description, allowAllOutbound: false });
}

/**
 * The VPC: public subnets hold only the load balancer and the NAT gateways (no public IPs are assigned on launch);
 * tasks run in private subnets with egress through NAT (Stripe's API, SES, SQS); the database and the cache live in
 * isolated subnets without any route out. The default security group is closed and every flow is logged.
 */
export class Network extends Construct {
  readonly vpc: ec2.Vpc;

  constructor(
    scope: Construct,
    id: string,
    props: { settings: DeploymentSettings; encryption: Encryption; logPrefix: string },
  ) {
    super(scope, id);
    const flowLogs = props.encryption.logGroup(
      this,
      'FlowLogs',
      `${props.logPrefix}/vpc-flow-logs`,
      props.settings.logRetentionDays,
    );
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr('10.40.0.0/16'),
      maxAzs: 2,
      natGateways: props.settings.natGateways,
      restrictDefaultSecurityGroup: true,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24, mapPublicIpOnLaunch: false },
        { name: 'app', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
        { name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      gatewayEndpoints: { S3: { service: ec2.GatewayVpcEndpointAwsService.S3 } },
      flowLogs: {
        all: {
          destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs),
          trafficType: ec2.FlowLogTrafficType.ALL,
        },
      },
    });
  }
}
