import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { Encryption } from './encryption';
import { DeploymentSettings } from './settings';

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
