import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

/**
 * AWS Backup on top of RDS's own automated backups (point-in-time restore within the retention): daily snapshots
 * kept 35 days, monthly ones kept a year, in a vault encrypted with the data key and kept when the stack is deleted.
 */
export class Backups extends Construct {
  readonly vault: backup.BackupVault;
  readonly plan: backup.BackupPlan;

  constructor(scope: Construct, id: string, props: { key: kms.IKey; database: rds.DatabaseInstance }) {
    super(scope, id);
    this.vault = new backup.BackupVault(this, 'Vault', {
      backupVaultName: `${Stack.of(this).stackName}-vault`,
      encryptionKey: props.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.plan = backup.BackupPlan.dailyMonthly1YearRetention(this, 'Plan', this.vault);
    this.plan.addSelection('Database', { resources: [backup.BackupResource.fromRdsDatabaseInstance(props.database)] });
  }
}
