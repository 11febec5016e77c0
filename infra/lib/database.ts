import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';
import { IsolatedStoreProps, isolatedStoreSecurityGroup } from './network';

/**
 * The connector's PostgreSQL (RDS): in isolated subnets, encrypted with the data key, TLS enforced
 * (`rds.force_ssl`), automated backups kept `dbBackupRetentionDays`, deletion protection on and a final snapshot when
 * the stack is deleted anyway. Credentials are generated into Secrets Manager (JSON with `username`, `password`,
 * `host`, `port`, `dbname`); only the connector's security group may connect.
 */
export class Database extends Construct {
  static readonly NAME = 'payments';
  readonly instance: rds.DatabaseInstance;
  readonly securityGroup: ec2.SecurityGroup;
  /** JDBC URL without credentials (DATABASE_URL): the user and password come from the secret. */
  readonly jdbcUrl: string;

  constructor(scope: Construct, id: string, props: IsolatedStoreProps) {
    super(scope, id);
    const { settings, encryption } = props;
    const identifier = `${Stack.of(this).stackName.toLowerCase()}-db`;
    this.securityGroup = isolatedStoreSecurityGroup(
      this,
      props.vpc,
      'RDS PostgreSQL: reachable only from the EMR connector tasks',
    );
    const engine = rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 });
    // Exported logs go to log groups made here (encrypted, with retention) rather than through a retention Lambda.
    const logGroups = ['postgresql', 'upgrade'].map((type) =>
      encryption.logGroup(this, `Log-${type}`, `/aws/rds/instance/${identifier}/${type}`, settings.logRetentionDays),
    );
    this.instance = new rds.DatabaseInstance(this, 'Instance', {
      instanceIdentifier: identifier,
      engine,
      instanceType: new ec2.InstanceType(settings.dbInstanceType),
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      securityGroups: [this.securityGroup],
      publiclyAccessible: false,
      credentials: rds.Credentials.fromGeneratedSecret('payments_admin', {
        secretName: `${Stack.of(this).stackName}/database/credentials`,
        encryptionKey: encryption.dataKey,
        excludeCharacters: ' %+~`#$&*()|[]{}:;<>?!\'/@"\\',
      }),
      databaseName: Database.NAME,
      port: 5432,
      storageType: rds.StorageType.GP3,
      allocatedStorage: 50,
      maxAllocatedStorage: 500,
      storageEncrypted: true,
      storageEncryptionKey: encryption.dataKey,
      multiAz: settings.dbMultiAz,
      backupRetention: Duration.days(settings.dbBackupRetentionDays),
      preferredBackupWindow: '07:00-08:00',
      preferredMaintenanceWindow: 'sun:08:30-sun:09:30',
      deleteAutomatedBackups: false,
      copyTagsToSnapshot: true,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
      autoMinorVersionUpgrade: true,
      cloudwatchLogsExports: ['postgresql', 'upgrade'],
      monitoringInterval: Duration.seconds(60),
      enablePerformanceInsights: true,
      performanceInsightEncryptionKey: encryption.dataKey,
      caCertificate: rds.CaCertificate.RDS_CA_RSA2048_G1,
      parameterGroup: new rds.ParameterGroup(this, 'Parameters', {
        engine,
        description: 'Patient Payments: TLS only, no statement logging (statements may carry PHI)',
        parameters: { 'rds.force_ssl': '1', log_statement: 'none', log_min_duration_statement: '-1' },
      }),
    });
    logGroups.forEach((g) => this.instance.node.addDependency(g));
    this.jdbcUrl = `jdbc:postgresql://${this.instance.dbInstanceEndpointAddress}:${this.instance.dbInstanceEndpointPort}/${Database.NAME}?sslmode=require`;
  }
}
