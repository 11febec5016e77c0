import { Aws, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DeploymentSettings } from './settings';

/**
 * The message an API Gateway webhook delivery becomes on the queue (the consumer verifies it; the gateway cannot):
 *
 * - `MessageBody`: the request body exactly as Stripe sent it (the bytes the signature covers);
 * - message attribute `Stripe-Signature` (DataType `String`): the request's `Stripe-Signature` header verbatim
 *   (`t=<unix seconds>,v1=<hex>[,v1=…]`); a request without the header is refused with 400 before it reaches SQS;
 * - message attribute `receivedAt` (DataType `Number`): when API Gateway received the request, epoch milliseconds
 *   (`$context.requestTimeEpoch`) — the same attribute the BFF's own endpoint sets;
 * - message attribute `ingress` (DataType `String`): `api-gateway`, so an operator can tell the shapes apart (the
 *   BFF's endpoint does not set it; it writes the same `Stripe-Signature` and `receivedAt` attributes).
 *
 * The BFF's consumer (`WebhookConsumer`) verifies every message, whichever shape: a signature that does not verify
 * with the configured secrets, or a timestamp outside the tolerance around `receivedAt`, sends it to the DLQ.
 */
export const GATEWAY_MESSAGE_ATTRIBUTES = {
  signature: 'Stripe-Signature',
  receivedAt: 'receivedAt',
  ingress: 'ingress',
  ingressValue: 'api-gateway',
} as const;

/** The API Gateway mapping template (SQS query API, form-encoded) producing the message described above. */
export const SEND_MESSAGE_TEMPLATE = [
  'Action=SendMessage',
  'MessageBody=$util.urlEncode($input.body)',
  `MessageAttribute.1.Name=${GATEWAY_MESSAGE_ATTRIBUTES.signature}`,
  'MessageAttribute.1.Value.DataType=String',
  "MessageAttribute.1.Value.StringValue=$util.urlEncode($input.params('Stripe-Signature'))",
  `MessageAttribute.2.Name=${GATEWAY_MESSAGE_ATTRIBUTES.receivedAt}`,
  'MessageAttribute.2.Value.DataType=Number',
  'MessageAttribute.2.Value.StringValue=$context.requestTimeEpoch',
  `MessageAttribute.3.Name=${GATEWAY_MESSAGE_ATTRIBUTES.ingress}`,
  'MessageAttribute.3.Value.DataType=String',
  `MessageAttribute.3.Value.StringValue=${GATEWAY_MESSAGE_ATTRIBUTES.ingressValue}`,
].join('&');

/**
 * Stripe's webhook ingress as the specification prefers: a regional REST API with one method,
 * `POST /webhooks/stripe`, integrated directly with SQS `SendMessage` (no code in between). It answers 200
 * `{"received":true}` once SQS has the message and 500 when SQS refused it (Stripe then retries). Throttled per stage
 * (`webhookRateLimit`/`webhookBurstLimit`), protected by WAF, execution logs at ERROR without bodies, JSON access logs
 * without headers or bodies, X-Ray tracing on.
 */
export class WebhookIngress extends Construct {
  readonly api: apigw.RestApi;
  readonly stage: apigw.Stage;
  /** The URL to register in Stripe's dashboard. */
  readonly webhookUrl: string;

  /** Whether Stripe is meant to post here (`webhookIngress=api-gateway`); otherwise every request is refused. */
  readonly open: boolean;

  constructor(
    scope: Construct,
    id: string,
    props: { queue: sqs.IQueue; settings: DeploymentSettings; accessLogs: logs.ILogGroup },
  ) {
    super(scope, id);
    const { settings } = props;
    this.open = settings.webhookIngress === 'api-gateway';
    const role = new iam.Role(this, 'SendMessageRole', {
      assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com'),
      description: 'API Gateway webhook ingress: SendMessage to the webhook queue only',
    });
    props.queue.grantSendMessages(role);

    this.api = new apigw.RestApi(this, 'Api', {
      restApiName: `${Stack.of(this).stackName}-stripe-webhooks`,
      description: 'Stripe webhooks straight into SQS; the BFF consumer verifies every signature',
      endpointTypes: [apigw.EndpointType.REGIONAL],
      cloudWatchRole: true,
      // Closed while Stripe posts to the BFF (webhookIngress=bff, the default): an unused public endpoint would only
      // let forged deliveries fill the DLQ (the consumer refuses them). webhookIngress=api-gateway opens it.
      policy: this.open
        ? undefined
        : new iam.PolicyDocument({
            statements: [
              new iam.PolicyStatement({
                sid: 'ClosedWhileStripePostsToTheBff',
                effect: iam.Effect.DENY,
                principals: [new iam.AnyPrincipal()],
                actions: ['execute-api:Invoke'],
                resources: ['execute-api:/*'],
              }),
            ],
          }),
      deployOptions: {
        stageName: 'live',
        loggingLevel: apigw.MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        metricsEnabled: true,
        tracingEnabled: true,
        throttlingRateLimit: settings.webhookRateLimit,
        throttlingBurstLimit: settings.webhookBurstLimit,
        accessLogDestination: new apigw.LogGroupLogDestination(props.accessLogs),
        accessLogFormat: apigw.AccessLogFormat.jsonWithStandardFields({
          caller: false,
          httpMethod: true,
          ip: true,
          protocol: true,
          requestTime: true,
          resourcePath: true,
          responseLength: true,
          status: true,
          user: false,
        }),
      },
    });
    this.stage = this.api.deploymentStage;
    // A changed resource policy takes effect only with a new deployment of the stage.
    this.api.latestDeployment?.addToLogicalId({ webhookIngress: settings.webhookIngress });

    const integration = new apigw.AwsIntegration({
      service: 'sqs',
      integrationHttpMethod: 'POST',
      path: `${Aws.ACCOUNT_ID}/${props.queue.queueName}`,
      options: {
        credentialsRole: role,
        passthroughBehavior: apigw.PassthroughBehavior.NEVER,
        requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
        requestTemplates: { 'application/json': SEND_MESSAGE_TEMPLATE },
        integrationResponses: [
          { statusCode: '200', responseTemplates: { 'application/json': '{"received": true}' } },
          {
            statusCode: '500',
            selectionPattern: '[45]\\d{2}',
            responseTemplates: { 'application/json': '{"error": "webhook not queued"}' },
          },
        ],
      },
    });
    const validator = new apigw.RequestValidator(this, 'RequireSignatureHeader', {
      restApi: this.api,
      validateRequestParameters: true,
      validateRequestBody: false,
    });
    const stripe = this.api.root.addResource('webhooks').addResource('stripe');
    stripe.addMethod('POST', integration, {
      requestParameters: { 'method.request.header.Stripe-Signature': true },
      requestValidator: validator,
      methodResponses: [{ statusCode: '200' }, { statusCode: '500' }],
    });
    this.webhookUrl = this.api.urlForPath('/webhooks/stripe');
  }
}
