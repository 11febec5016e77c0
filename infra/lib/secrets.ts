import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/**
 * The application's secrets in Secrets Manager, encrypted with the data key. The generated ones (service credential,
 * JWT keys) get random values at creation; the two Stripe secrets start with a random placeholder that the operator
 * replaces with the live values (`aws secretsmanager put-secret-value`, docs/deploy-aws.md step 4). Tasks read them
 * at start-up as environment variables (ECS `secrets`), so a changed value reaches a service with its next deployment.
 */
export class AppSecrets extends Construct {
  /** EMR_API_KEY: the service credential the BFF sends and the connector checks. */
  readonly emrApiKey: secretsmanager.Secret;
  /** SESSION_JWT_SECRET: HS256 key of patient session cookies, shared by every BFF task. */
  readonly sessionJwtSecret: secretsmanager.Secret;
  /** ADMIN_JWT_SECRET: HS256 key of practice-admin bearer tokens. */
  readonly adminJwtSecret: secretsmanager.Secret;
  /** STRIPE_SECRET_KEY (sk_live_…), set by the operator. */
  readonly stripeSecretKey: secretsmanager.Secret;
  /** STRIPE_WEBHOOK_SECRET (whsec_…, comma-separated while rotating), set by the operator. */
  readonly stripeWebhookSecret: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: { key: kms.IKey }) {
    super(scope, id);
    const prefix = Stack.of(this).stackName;
    const secret = (cid: string, name: string, description: string, length: number) =>
      new secretsmanager.Secret(this, cid, {
        secretName: `${prefix}/${name}`,
        description,
        encryptionKey: props.key,
        removalPolicy: RemovalPolicy.RETAIN,
        generateSecretString: { passwordLength: length, excludePunctuation: true },
      });
    this.emrApiKey = secret(
      'EmrApiKey',
      'emr-api-key',
      'EMR_API_KEY: service credential between BFF and connector',
      48,
    );
    this.sessionJwtSecret = secret(
      'SessionJwtSecret',
      'session-jwt-secret',
      'SESSION_JWT_SECRET: HS256 key of patient sessions',
      64,
    );
    this.adminJwtSecret = secret(
      'AdminJwtSecret',
      'admin-jwt-secret',
      'ADMIN_JWT_SECRET: HS256 key of practice-admin tokens',
      64,
    );
    this.stripeSecretKey = secret(
      'StripeSecretKey',
      'stripe/secret-key',
      'STRIPE_SECRET_KEY: replace the generated placeholder with the live secret key (sk_live_...)',
      32,
    );
    this.stripeWebhookSecret = secret(
      'StripeWebhookSecret',
      'stripe/webhook-secret',
      'STRIPE_WEBHOOK_SECRET: replace the placeholder with the endpoint signing secret (whsec_...); comma-separated while rotating',
      32,
    );
  }
}
