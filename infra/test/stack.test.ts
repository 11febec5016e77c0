import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../bin/app';
import { ALARM_RULES } from '../lib/alarm-thresholds';
import { RECONCILIATION_LOGGER, UNEXPECTED_STOP_CODES } from '../lib/alarms';
import { BFF_IMAGE, CONNECTOR_IMAGE } from '../lib/images';
import { readProductConfig, REPO_ROOT } from '../lib/product-config';
import { BFF_CONTAINER, CONNECTOR_CONTAINER, IMAGE_USER, UI_DIST_IN_IMAGE, UNSET_IN_PRODUCTION } from '../lib/services';
import { GATEWAY_MESSAGE_ATTRIBUTES, SEND_MESSAGE_TEMPLATE } from '../lib/webhook-ingress';
import { all, copies, env, finalStage } from './dockerfile';
import { resource, resourcesOfType, synthesized } from './support';

const s = synthesized();
const product = readProductConfig();
const R = s.json.Resources;
const ref = (id: string) => ({ Ref: id });
const att = (id: string, a: string) => ({ 'Fn::GetAtt': [id, a] });
const idOf = (type: string, prefix: string) => resource(s, type, prefix)[0];

function containers(): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [, td] of resourcesOfType(s, 'AWS::ECS::TaskDefinition')) {
    for (const c of td.Properties.ContainerDefinitions) {
      out[c.Name] = { ...c, task: td.Properties };
    }
  }
  return out;
}

describe('environment', () => {
  it('is environment-agnostic, so cdk synth needs no account, region or credentials', () => {
    assert.equal(s.stack.environment, 'aws://unknown-account/unknown-region');
  });
});

describe('network', () => {
  it('puts the tasks in private subnets without public IPs and the data stores in isolated subnets', () => {
    const subnets = resourcesOfType(s, 'AWS::EC2::Subnet');
    assert.equal(subnets.length, 6);
    for (const [id, subnet] of subnets) {
      assert.equal(subnet.Properties.MapPublicIpOnLaunch, false, `${id} assigns public IPs`);
    }
    const privateIds = subnets.filter(([id]) => id.includes('app')).map(([id]) => id);
    const isolatedIds = subnets.filter(([id]) => id.includes('data')).map(([id]) => id);
    assert.equal(privateIds.length, 2);
    assert.equal(isolatedIds.length, 2);
    for (const [, svc] of resourcesOfType(s, 'AWS::ECS::Service')) {
      const net = svc.Properties.NetworkConfiguration.AwsvpcConfiguration;
      assert.equal(net.AssignPublicIp, 'DISABLED');
      assert.deepEqual(new Set(net.Subnets.map((x: any) => x.Ref)), new Set(privateIds));
    }
    // Isolated subnets: no default route at all.
    const routes = resourcesOfType(s, 'AWS::EC2::Route').map(([id]) => id);
    assert.ok(
      routes.every((id) => !id.includes('data')),
      `routes out of isolated subnets: ${routes}`,
    );
    const dbSubnets = resourcesOfType(s, 'AWS::RDS::DBSubnetGroup')[0][1].Properties.SubnetIds.map((x: any) => x.Ref);
    assert.deepEqual(new Set(dbSubnets), new Set(isolatedIds));
    const cacheSubnets = resourcesOfType(s, 'AWS::ElastiCache::SubnetGroup')[0][1].Properties.SubnetIds.map(
      (x: any) => x.Ref,
    );
    assert.deepEqual(new Set(cacheSubnets), new Set(isolatedIds));
  });

  it('logs every flow to an encrypted log group and closes the default security group', () => {
    s.template.hasResourceProperties('AWS::EC2::FlowLog', {
      TrafficType: 'ALL',
      LogDestinationType: 'cloud-watch-logs',
    });
    s.template.resourceCountIs('Custom::VpcRestrictDefaultSG', 1);
  });
});

describe('load balancer and BFF service', () => {
  it('serves HTTPS with an ACM certificate and a TLS 1.2+ policy, and redirects HTTP to HTTPS', () => {
    s.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: Match.anyValue() }],
      SslPolicy: Match.stringLikeRegexp('TLS13'),
    });
    s.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      Protocol: 'HTTP',
      DefaultActions: [
        { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } },
      ],
    });
    const alb = resource(s, 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'ServicesAlb')[1].Properties;
    assert.equal(alb.Scheme, 'internet-facing');
    const attributes = Object.fromEntries(alb.LoadBalancerAttributes.map((a: any) => [a.Key, a.Value]));
    assert.equal(attributes['routing.http.drop_invalid_header_fields.enabled'], 'true');
    assert.equal(attributes['deletion_protection.enabled'], 'true');
    assert.equal(attributes['access_logs.s3.enabled'], 'true');
  });

  it('sends /graphql to its own target group of the same BFF tasks, health-checked on readiness', () => {
    const groups = resourcesOfType(s, 'AWS::ElasticLoadBalancingV2::TargetGroup');
    assert.equal(groups.length, 2);
    for (const [, g] of groups) {
      assert.equal(g.Properties.Port, product.bffPort);
      assert.equal(g.Properties.HealthCheckPath, '/health/readiness');
      assert.equal(g.Properties.TargetType, 'ip');
    }
    const graphql = idOf('AWS::ElasticLoadBalancingV2::TargetGroup', 'ServicesGraphqlTargets');
    s.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/graphql'] } }],
      Actions: [{ Type: 'forward', TargetGroupArn: ref(graphql) }],
    });
    const bff = resource(s, 'AWS::ECS::Service', 'ServicesBffService')[1];
    assert.deepEqual(
      new Set(bff.Properties.LoadBalancers.map((l: any) => l.TargetGroupArn.Ref)),
      new Set(groups.map(([id]) => id)),
    );
  });

  it('lets only the ALB reach the BFF, on the BFF port', () => {
    const bffSg = idOf('AWS::EC2::SecurityGroup', 'ServicesBffSecurityGroup');
    const albSg = idOf('AWS::EC2::SecurityGroup', 'ServicesAlbSecurityGroup');
    const ingress = resourcesOfType(s, 'AWS::EC2::SecurityGroupIngress')
      .map(([, r]) => r.Properties)
      .filter((p) => JSON.stringify(p.GroupId) === JSON.stringify(att(bffSg, 'GroupId')));
    assert.deepEqual(
      ingress.map((p) => [p.SourceSecurityGroupId, p.FromPort, p.ToPort]),
      [[att(albSg, 'GroupId'), product.bffPort, product.bffPort]],
    );
    assert.equal(R[bffSg].Properties.SecurityGroupIngress, undefined);
  });
});

describe('EMR connector', () => {
  it('is internal: no load balancer, found through Cloud Map', () => {
    const connector = resource(s, 'AWS::ECS::Service', 'ServicesConnectorService')[1];
    assert.equal(connector.Properties.LoadBalancers, undefined);
    assert.equal(connector.Properties.ServiceRegistries.length, 1);
    assert.match(
      containers()[BFF_CONTAINER].Environment.find((e: any) => e.Name === 'EMR_URL').Value,
      new RegExp(`^http://emr-connector\\.payments\\.internal:${product.connectorPort}$`),
    );
  });

  it("admits only the BFF's security group, only on the connector port", () => {
    const sg = idOf('AWS::EC2::SecurityGroup', 'ServicesConnectorSecurityGroup');
    const bffSg = idOf('AWS::EC2::SecurityGroup', 'ServicesBffSecurityGroup');
    assert.equal(R[sg].Properties.SecurityGroupIngress, undefined, 'no inline ingress rules');
    const rules = resourcesOfType(s, 'AWS::EC2::SecurityGroupIngress')
      .map(([, r]) => r.Properties)
      .filter((p) => JSON.stringify(p.GroupId) === JSON.stringify(att(sg, 'GroupId')));
    assert.deepEqual(
      rules.map((p) => [p.IpProtocol, p.SourceSecurityGroupId, p.FromPort, p.ToPort, p.CidrIp]),
      [['tcp', att(bffSg, 'GroupId'), product.connectorPort, product.connectorPort, undefined]],
    );
  });

  it('listens on all interfaces of its task on the configured port', () => {
    const c = containers()[CONNECTOR_CONTAINER];
    assert.deepEqual(
      c.PortMappings.map((p: any) => p.ContainerPort),
      [product.connectorPort],
    );
    const env = Object.fromEntries(c.Environment.map((e: any) => [e.Name, e.Value]));
    assert.equal(env.EMR_HOST, '0.0.0.0');
    assert.equal(env.EMR_PORT, String(product.connectorPort));
    assert.equal(env.EMR_SEED_DEMO, 'false');
  });
});

describe('RDS PostgreSQL', () => {
  const [dbId, db] = resource(s, 'AWS::RDS::DBInstance', 'DatabaseInstance');
  it('is encrypted with the data key, backed up, protected from deletion and private', () => {
    const p = db.Properties;
    assert.equal(p.Engine, 'postgres');
    assert.equal(p.StorageEncrypted, true);
    assert.deepEqual(p.KmsKeyId, att(idOf('AWS::KMS::Key', 'EncryptionDataKey'), 'Arn'));
    assert.ok(p.BackupRetentionPeriod >= 7, `backups kept ${p.BackupRetentionPeriod} days`);
    assert.equal(p.DeletionProtection, true);
    assert.equal(db.DeletionPolicy, 'Snapshot');
    assert.equal(p.PubliclyAccessible, false);
    assert.equal(p.MultiAZ, true);
    s.template.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: { Resources: Match.arrayWith([Match.objectLike({ 'Fn::Join': Match.anyValue() })]) },
    });
  });

  it('takes its credentials from a generated Secrets Manager secret and enforces TLS', () => {
    const p = db.Properties;
    assert.match(JSON.stringify(p.MasterUserPassword), /resolve:secretsmanager:/);
    const params = resource(s, 'AWS::RDS::DBParameterGroup', 'DatabaseParameters')[1].Properties.Parameters;
    assert.equal(params['rds.force_ssl'], '1');
    const sg = idOf('AWS::EC2::SecurityGroup', 'DatabaseSecurityGroup');
    const connectorSg = idOf('AWS::EC2::SecurityGroup', 'ServicesConnectorSecurityGroup');
    const ingress = resourcesOfType(s, 'AWS::EC2::SecurityGroupIngress')
      .map(([, r]) => r.Properties)
      .filter((x) => JSON.stringify(x.GroupId) === JSON.stringify(att(sg, 'GroupId')));
    assert.deepEqual(
      ingress.map((x) => [x.SourceSecurityGroupId, x.FromPort]),
      [[att(connectorSg, 'GroupId'), 5432]],
    );
    void dbId;
  });
});

describe('ElastiCache Redis', () => {
  const rg = resource(s, 'AWS::ElastiCache::ReplicationGroup', 'CacheRedis')[1].Properties;
  it('requires TLS, an AUTH token from Secrets Manager and encrypts at rest', () => {
    assert.equal(rg.Engine, 'redis');
    assert.equal(rg.TransitEncryptionEnabled, true);
    assert.equal(rg.TransitEncryptionMode, 'required');
    assert.match(JSON.stringify(rg.AuthToken), /resolve:secretsmanager:/);
    assert.equal(rg.AtRestEncryptionEnabled, true);
    assert.deepEqual(rg.KmsKeyId, att(idOf('AWS::KMS::Key', 'EncryptionDataKey'), 'Arn'));
    assert.ok(rg.SnapshotRetentionLimit >= 1);
    assert.equal(rg.AutomaticFailoverEnabled, true);
  });

  it('gives the BFF a rediss:// URL whose token CloudFormation resolves from the token secret', () => {
    const url = resource(s, 'AWS::SecretsManager::Secret', 'CacheUrl')[1].Properties.SecretString;
    const parts = url['Fn::Join'][1];
    assert.ok(String(parts[0]).startsWith('rediss://:{{resolve:secretsmanager:'), String(parts[0]));
    assert.match(JSON.stringify(parts), /resolve:secretsmanager:/);
  });
});

describe('SQS webhook queue', () => {
  const [queueId, queue] = resource(s, 'AWS::SQS::Queue', 'WebhooksQueue');
  const [dlqId, dlq] = resource(s, 'AWS::SQS::Queue', 'WebhooksDeadLetterQueue');
  it(`moves a message to the DLQ after payments.queue.max-receives (${product.maxReceives}) receives`, () => {
    assert.deepEqual(queue.Properties.RedrivePolicy, {
      deadLetterTargetArn: att(dlqId, 'Arn'),
      maxReceiveCount: product.maxReceives,
    });
  });

  it("keeps a received message hidden at least as long as the consumer's handling time", () => {
    assert.ok(queue.Properties.VisibilityTimeout >= product.visibilityTimeoutSeconds);
    assert.ok(queue.Properties.VisibilityTimeout >= product.connectorCallSeconds);
  });

  it('encrypts both queues with the data key and refuses plain HTTP', () => {
    for (const q of [queue, dlq]) {
      assert.deepEqual(q.Properties.KmsMasterKeyId, att(idOf('AWS::KMS::Key', 'EncryptionDataKey'), 'Arn'));
    }
    for (const id of [queueId, dlqId]) {
      s.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [ref(id)],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    }
    assert.equal(dlq.Properties.MessageRetentionPeriod, 14 * 86400);
  });

  it('is the queue the BFF is told to use (SQS_QUEUE_NAME; the DLQ follows its <name>-dlq rule)', () => {
    const env = Object.fromEntries(containers()[BFF_CONTAINER].Environment.map((e: any) => [e.Name, e.Value]));
    assert.deepEqual(env.SQS_QUEUE_NAME, att(queueId, 'QueueName'));
    assert.equal(dlq.Properties.QueueName, `${queue.Properties.QueueName}-dlq`);
    assert.match(JSON.stringify(env.SQS_ENDPOINT), /https:\/\/sqs\./);
  });
});

describe('SES', () => {
  it("has a configuration set (TLS required, bounces suppressed) that is the sending identity's default", () => {
    const [setId, set] = resource(s, 'AWS::SES::ConfigurationSet', 'EmailConfigurationSet');
    assert.equal(set.Properties.DeliveryOptions.TlsPolicy, 'REQUIRE');
    assert.deepEqual(set.Properties.SuppressionOptions.SuppressedReasons.sort(), ['BOUNCE', 'COMPLAINT']);
    s.template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'pay.example.com',
      ConfigurationSetAttributes: { ConfigurationSetName: ref(setId) },
      DkimAttributes: { SigningEnabled: true },
    });
  });
});

describe('BFF permissions', () => {
  it('may use the webhook queues and send email through the identity and its configuration set, nothing more', () => {
    const role = resource(s, 'AWS::IAM::Role', 'ServicesBffTaskTaskRole')[0];
    const statements = resourcesOfType(s, 'AWS::IAM::Policy')
      .filter(([, p]) => JSON.stringify(p.Properties.Roles) === JSON.stringify([ref(role)]))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
    const services = new Set(statements.flatMap((st: any) => [st.Action].flat().map((a: string) => a.split(':')[0])));
    assert.deepEqual([...services].sort(), ['kms', 'ses', 'sqs']);
    const ses = statements.filter((st: any) => [st.Action].flat().some((a: string) => a.startsWith('ses:')));
    const sesResources = JSON.stringify(ses.map((st: any) => st.Resource));
    assert.match(sesResources, /:identity\//);
    assert.match(sesResources, /:configuration-set\//);
    assert.ok(
      statements.every((st: any) => st.Resource !== '*'),
      'a BFF permission on every resource',
    );
  });
});

describe('secrets', () => {
  const SECRET_ENV = {
    [BFF_CONTAINER]: [
      'ADMIN_JWT_SECRET',
      'EMR_API_KEY',
      'REDIS_URL',
      'SESSION_JWT_SECRET',
      'STRIPE_SECRET_KEY',
      'STRIPE_WEBHOOK_SECRET',
    ],
    [CONNECTOR_CONTAINER]: ['DATASOURCES_DEFAULT_PASSWORD', 'DATASOURCES_DEFAULT_USERNAME', 'EMR_API_KEY'],
  };
  it('injects every secret from Secrets Manager and none as a plain environment variable', () => {
    for (const [name, expected] of Object.entries(SECRET_ENV)) {
      const c = containers()[name];
      assert.deepEqual(c.Secrets.map((x: any) => x.Name).sort(), expected, name);
      // A secret, or the attachment that binds the database secret to the instance (its Ref is the secret's ARN).
      const secretIds = new Set(
        [
          ...resourcesOfType(s, 'AWS::SecretsManager::Secret'),
          ...resourcesOfType(s, 'AWS::SecretsManager::SecretTargetAttachment'),
        ].map(([id]) => id),
      );
      for (const secret of c.Secrets) {
        // Either the secret itself ({Ref}) or one JSON field of it (an ARN joined with ':field::').
        const refs = JSON.stringify(secret.ValueFrom).match(/"Ref":"([A-Za-z0-9]+)"/g) ?? [];
        assert.ok(
          refs.some((r) => secretIds.has(r.slice(7, -1))),
          `${name} ${secret.Name} is not from a stack secret`,
        );
      }
      const plain = c.Environment.map((e: any) => e.Name);
      for (const n of plain) {
        assert.ok(!expected.includes(n), `${name}: ${n} is also a plain variable`);
        assert.doesNotMatch(n, /SECRET|PASSWORD|TOKEN|API_KEY/, `${name}: ${n} looks like a secret in plain env`);
      }
    }
  });

  it('has no secret value in the template: generated, or resolved by reference', () => {
    for (const [id, secret] of resourcesOfType(s, 'AWS::SecretsManager::Secret')) {
      const p = secret.Properties;
      if (p.GenerateSecretString) {
        assert.equal(p.SecretString, undefined, id);
      } else {
        assert.match(JSON.stringify(p.SecretString), /resolve:secretsmanager:/, `${id} holds a literal value`);
      }
      assert.ok(p.KmsKeyId, `${id} is not encrypted with the data key`);
    }
    const leaks = JSON.stringify(s.json).match(
      /sk_(live|test)_[A-Za-z0-9]{8,}|whsec_[A-Za-z0-9]{8,}|demo-emr-api-key|demo-admin-jwt-secret/g,
    );
    assert.equal(leaks, null, `secret-looking values in the template: ${leaks}`);
  });

  it('every variable of the README configuration table is set on a task, or deliberately left at its default', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Configuration'));
    const documented = [...table.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((m) => m[1]);
    assert.ok(documented.length >= 20, `found ${documented.length} README variables`);
    const set = new Set(
      Object.values(containers()).flatMap((c) => [...c.Environment, ...c.Secrets].map((e: any) => e.Name)),
    );
    const missing = documented.filter((v) => !set.has(v) && !(v in UNSET_IN_PRODUCTION));
    assert.deepEqual(
      missing,
      [],
      'set these in infra/lib/services.ts or add them to UNSET_IN_PRODUCTION with a reason',
    );
  });

  it('the database URL carries no credentials', () => {
    const env = Object.fromEntries(containers()[CONNECTOR_CONTAINER].Environment.map((e: any) => [e.Name, e.Value]));
    const url = JSON.stringify(env.DATABASE_URL);
    assert.match(url, /jdbc:postgresql:\/\//);
    assert.match(url, /sslmode=require/);
    assert.doesNotMatch(url, /password|user=/);
  });

  it('turns off every demo stand-in the jars would otherwise start', () => {
    const bff = Object.fromEntries(containers()[BFF_CONTAINER].Environment.map((e: any) => [e.Name, e.Value]));
    assert.ok(
      bff.SQS_ENDPOINT && bff.SES_ENDPOINT,
      'without SQS_ENDPOINT/SES_ENDPOINT the BFF starts ElasticMQ/SES stand-ins',
    );
    assert.equal(bff.PAYMENTS_EMBEDDED, 'false');
    assert.equal(bff.GRAPHQL_DEV_TOOLS, 'false');
    assert.equal(bff.SESSION_COOKIE_SECURE, 'true');
    const connector = Object.fromEntries(
      containers()[CONNECTOR_CONTAINER].Environment.map((e: any) => [e.Name, e.Value]),
    );
    assert.ok(connector.DATABASE_URL, 'without DATABASE_URL the connector starts an embedded PostgreSQL');
    assert.equal(connector.EMR_DOCS_PUBLIC, 'false');
  });
});

describe('containers', () => {
  it('run as the non-root image user with a read-only root filesystem and a task-local /tmp', () => {
    for (const name of [BFF_CONTAINER, CONNECTOR_CONTAINER]) {
      const c = containers()[name];
      assert.equal(c.User, '10001:10001', name);
      assert.equal(c.ReadonlyRootFilesystem, true, name);
      assert.deepEqual(c.MountPoints, [{ ContainerPath: '/tmp', ReadOnly: false, SourceVolume: 'tmp' }], name);
      assert.deepEqual(c.task.Volumes, [{ Name: 'tmp' }], name);
      assert.equal(c.LogConfiguration.LogDriver, 'awslogs', name);
      assert.equal(c.Essential, true);
    }
  });
});

describe('log groups', () => {
  it('every log group is KMS-encrypted, has a retention and survives stack deletion', () => {
    const groups = resourcesOfType(s, 'AWS::Logs::LogGroup');
    assert.ok(groups.length >= 8);
    for (const [id, g] of groups) {
      assert.ok(g.Properties.RetentionInDays > 0, `${id} keeps logs forever`);
      assert.ok(g.Properties.KmsKeyId, `${id} is not encrypted`);
      assert.equal(g.DeletionPolicy, 'Retain', id);
    }
  });

  it('every container logs to a log group of this stack', () => {
    const ids = new Set(resourcesOfType(s, 'AWS::Logs::LogGroup').map(([id]) => id));
    for (const c of Object.values(containers())) {
      assert.ok(ids.has(c.LogConfiguration.Options['awslogs-group'].Ref), c.Name);
    }
  });
});

describe('public endpoints are rate limited', () => {
  it('WAF protects the ALB and the webhook API stage, with a per-IP rate rule and logging', () => {
    const alb = idOf('AWS::ElasticLoadBalancingV2::LoadBalancer', 'ServicesAlb');
    const stage = idOf('AWS::ApiGateway::Stage', 'WebhookIngressApiDeploymentStage');
    const associations = resourcesOfType(s, 'AWS::WAFv2::WebACLAssociation').map(([, a]) =>
      JSON.stringify(a.Properties.ResourceArn),
    );
    assert.ok(associations.includes(JSON.stringify(ref(alb))), 'ALB not associated');
    assert.ok(
      associations.some((a) => a.includes(stage)),
      'API stage not associated',
    );
    for (const [id, acl] of resourcesOfType(s, 'AWS::WAFv2::WebACL')) {
      const rate = acl.Properties.Rules.find((r: any) => r.Statement.RateBasedStatement);
      assert.ok(rate && rate.Action.Block, `${id} has no blocking rate rule`);
    }
    // On the site, every path is rate limited: /webhooks/stripe (Stripe's few addresses) by its own higher limit.
    const site = resource(s, 'AWS::WAFv2::WebACL', 'SiteWafWebAcl')[1].Properties.Rules;
    const limits = site
      .filter((r: any) => r.Statement.RateBasedStatement)
      .map((r: any) => r.Statement.RateBasedStatement);
    assert.equal(limits.length, 2);
    assert.deepEqual(limits[0].ScopeDownStatement.NotStatement.Statement, limits[1].ScopeDownStatement);
    assert.equal(limits[1].ScopeDownStatement.ByteMatchStatement.SearchString, '/webhooks/stripe');
    assert.equal(resourcesOfType(s, 'AWS::WAFv2::LoggingConfiguration').length, 2);
  });

  it('the API Gateway stage is throttled', () => {
    s.template.hasResourceProperties('AWS::ApiGateway::Stage', {
      MethodSettings: Match.arrayWith([
        Match.objectLike({
          HttpMethod: '*',
          ResourcePath: '/*',
          ThrottlingRateLimit: 50,
          ThrottlingBurstLimit: 100,
          LoggingLevel: 'ERROR',
          DataTraceEnabled: false,
        }),
      ]),
      TracingEnabled: true,
    });
  });
});

describe('API Gateway webhook ingress', () => {
  const method = resource(s, 'AWS::ApiGateway::Method', 'WebhookIngressApiwebhooksstripePOST')[1].Properties;
  it('is POST /webhooks/stripe integrated directly with SQS SendMessage on the webhook queue', () => {
    assert.equal(method.HttpMethod, 'POST');
    const stripe = resourcesOfType(s, 'AWS::ApiGateway::Resource').map(([, r]) => r.Properties.PathPart);
    assert.deepEqual(stripe.sort(), ['stripe', 'webhooks']);
    assert.equal(method.Integration.Type, 'AWS');
    const uri = JSON.stringify(method.Integration.Uri);
    assert.match(uri, /:sqs:path\//);
    assert.match(uri, /WebhooksQueue[0-9A-F]+","QueueName"/);
    assert.equal(method.Integration.PassthroughBehavior, 'NEVER');
    assert.match(method.Integration.RequestTemplates['application/json'], /^Action=SendMessage&/);
    assert.deepEqual(method.RequestParameters, { 'method.request.header.Stripe-Signature': true });
  });

  it('turns a delivery into the documented message: raw body, Stripe-Signature, receivedAt and ingress attributes', () => {
    assert.equal(method.Integration.RequestTemplates['application/json'], SEND_MESSAGE_TEMPLATE);
    // API Gateway's $util.urlEncode is java.net.URLEncoder (UTF-8): spaces become '+', only [A-Za-z0-9.*_-] stay.
    const javaUrlEncode = (v: string) =>
      encodeURIComponent(v)
        .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
        .replace(/%20/g, '+');
    const body =
      '{\n  "id": "evt_1", "type": "payment_intent.succeeded", "note": "a+b=c & 100% ñ €",\n  "x": "\\u00e9"\n}';
    const signature = 't=1767225600,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd,v1=0f0e';
    const rendered = SEND_MESSAGE_TEMPLATE.replace('$util.urlEncode($input.body)', javaUrlEncode(body))
      .replace("$util.urlEncode($input.params('Stripe-Signature'))", javaUrlEncode(signature))
      .replace('$context.requestTimeEpoch', '1767225600123');
    assert.doesNotMatch(rendered, /\$(util|input|context)/, 'a VTL reference the test does not model');
    const form = new URLSearchParams(rendered);
    assert.equal(form.get('Action'), 'SendMessage');
    assert.equal(form.get('MessageBody'), body);
    const attributes: Record<string, [string | null, string | null]> = {};
    for (let n = 1; form.has(`MessageAttribute.${n}.Name`); n++) {
      attributes[form.get(`MessageAttribute.${n}.Name`)!] = [
        form.get(`MessageAttribute.${n}.Value.DataType`),
        form.get(`MessageAttribute.${n}.Value.StringValue`),
      ];
    }
    assert.deepEqual(attributes, {
      [GATEWAY_MESSAGE_ATTRIBUTES.signature]: ['String', signature],
      [GATEWAY_MESSAGE_ATTRIBUTES.receivedAt]: ['Number', '1767225600123'],
      [GATEWAY_MESSAGE_ATTRIBUTES.ingress]: ['String', 'api-gateway'],
    });
    assert.equal(GATEWAY_MESSAGE_ATTRIBUTES.signature, 'Stripe-Signature');
    // receivedAt is the attribute the BFF's own endpoint sets (WebhookQueue.RECEIVED_AT), so both shapes carry it alike.
    const webhookQueue = fs.readFileSync(
      path.join(REPO_ROOT, 'bff/src/main/java/com/patientpayments/bff/webhook/WebhookQueue.java'),
      'utf8',
    );
    assert.match(webhookQueue, new RegExp(`RECEIVED_AT = "${GATEWAY_MESSAGE_ATTRIBUTES.receivedAt}"`));
    // The consumer verifies every message against the attribute of this name (WebhookQueue.SIGNATURE, read by
    // WebhookConsumer): a renamed attribute on either side would send every gateway delivery to the DLQ.
    assert.match(webhookQueue, new RegExp(`SIGNATURE = "${GATEWAY_MESSAGE_ATTRIBUTES.signature}"`));
    const consumer = fs.readFileSync(
      path.join(REPO_ROOT, 'bff/src/main/java/com/patientpayments/bff/webhook/WebhookConsumer.java'),
      'utf8',
    );
    assert.match(consumer, /messageAttributes\(\)\.get\(WebhookQueue\.SIGNATURE\)/);
  });

  it('stays closed (a resource policy refuses every request) until webhookIngress=api-gateway opens it', () => {
    const api = resource(s, 'AWS::ApiGateway::RestApi', 'WebhookIngressApi')[1].Properties;
    assert.deepEqual(
      api.Policy.Statement.map((st: any) => [st.Effect, st.Action, st.Principal]),
      [['Deny', 'execute-api:Invoke', { AWS: '*' }]],
    );
    assert.match(
      JSON.stringify(s.json.Outputs.StripeWebhookUrl.Value),
      /https:\/\/pay\.example\.com\/webhooks\/stripe/,
    );

    const started = Date.now();
    const open = buildApp({ context: { webhookIngress: 'api-gateway' }, builtinCloudFormationValidation: false });
    const openJson = Template.fromStack(open.stack).toJSON();
    console.log(`# synth with webhookIngress=api-gateway: ${Date.now() - started} ms`);
    const openApi = Object.values<any>(openJson.Resources).find((r) => r.Type === 'AWS::ApiGateway::RestApi');
    assert.equal(openApi.Properties.Policy, undefined);
    assert.match(JSON.stringify(openJson.Outputs.StripeWebhookUrl.Value), /execute-api/);
    const deployment = (json: any) =>
      Object.entries<any>(json.Resources).find(([, r]) => r.Type === 'AWS::ApiGateway::Deployment')![0];
    assert.notEqual(
      deployment(openJson),
      deployment(s.json),
      'the stage must be redeployed for the policy change to apply',
    );
  });

  it('answers 200 once queued and 500 (Stripe retries) when SQS refused the message', () => {
    const responses = method.Integration.IntegrationResponses;
    assert.deepEqual(
      responses.map((r: any) => [r.StatusCode, r.SelectionPattern]),
      [
        ['200', undefined],
        ['500', '[45]\\d{2}'],
      ],
    );
  });

  it('may only send messages to the webhook queue', () => {
    const roleId = method.Integration.Credentials['Fn::GetAtt'][0];
    const policies = resourcesOfType(s, 'AWS::IAM::Policy').filter(([, p]) =>
      JSON.stringify(p.Properties.Roles).includes(roleId),
    );
    const statements = policies.flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
    const sqsActions = statements.filter((st: any) => JSON.stringify(st.Action).includes('sqs:'));
    assert.equal(sqsActions.length, 1);
    const actions = [sqsActions[0].Action].flat();
    assert.ok(actions.includes('sqs:SendMessage'));
    assert.deepEqual(
      actions.filter((a: string) => !['sqs:SendMessage', 'sqs:GetQueueUrl', 'sqs:GetQueueAttributes'].includes(a)),
      [],
    );
    assert.deepEqual(sqsActions[0].Resource, att(idOf('AWS::SQS::Queue', 'WebhooksQueue'), 'Arn'));
  });
});

describe('CloudWatch alarms', () => {
  const alarms = resourcesOfType(s, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
  const byName = (name: string) => {
    const a = alarms.find((x) => x.AlarmName === `${s.stack.stackName}-${name}`);
    assert.ok(a, `alarm ${name} missing`);
    return a;
  };
  const topic = idOf('AWS::SNS::Topic', 'AlarmsTopic');

  for (const rule of Object.values(ALARM_RULES)) {
    it(`${rule.name}: > ${rule.threshold} ${rule.unit} over ${rule.periodSeconds} s × ${rule.evaluationPeriods}, notifying the encrypted topic`, () => {
      const a = byName(rule.name);
      assert.equal(a.Threshold, rule.threshold);
      assert.equal(a.ComparisonOperator, 'GreaterThanThreshold');
      assert.equal(a.EvaluationPeriods, rule.evaluationPeriods);
      assert.equal(a.TreatMissingData, 'notBreaching');
      const period =
        a.Period ??
        a.Metrics?.find((m: any) => m.Expression)?.Period ??
        a.Metrics?.find((m: any) => m.MetricStat)?.MetricStat.Period;
      assert.equal(period, rule.periodSeconds);
      assert.deepEqual(a.AlarmActions, [ref(topic)]);
    });
  }

  it('watch the right metrics', () => {
    const dlq = idOf('AWS::SQS::Queue', 'WebhooksDeadLetterQueue');
    const queue = idOf('AWS::SQS::Queue', 'WebhooksQueue');
    const d = byName(ALARM_RULES.webhookDlqNotEmpty.name);
    assert.equal(d.MetricName, 'ApproximateNumberOfMessagesVisible');
    assert.deepEqual(d.Dimensions, [{ Name: 'QueueName', Value: att(dlq, 'QueueName') }]);
    const age = byName(ALARM_RULES.webhookOldestMessageAge.name);
    assert.equal(age.MetricName, 'ApproximateAgeOfOldestMessage');
    assert.deepEqual(age.Dimensions, [{ Name: 'QueueName', Value: att(queue, 'QueueName') }]);
    const http = byName(ALARM_RULES.http5xxRate.name);
    const used = http.Metrics.filter((m: any) => m.MetricStat)
      .map((m: any) => m.MetricStat.Metric.MetricName)
      .sort();
    assert.deepEqual(used, ['HTTPCode_ELB_5XX_Count', 'HTTPCode_Target_5XX_Count', 'RequestCount']);
    const p95 = byName(ALARM_RULES.graphqlP95Latency.name);
    assert.equal(p95.MetricName, 'TargetResponseTime');
    assert.equal(p95.ExtendedStatistic, 'p95');
    assert.match(JSON.stringify(p95.Dimensions), /ServicesGraphqlTargets/);
    const repairs = byName(ALARM_RULES.reconciliationRepairs.name);
    assert.equal(repairs.Namespace, 'PatientPayments');
    s.template.hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: `{ ($.logger_name = "${RECONCILIATION_LOGGER}") && ($.repaired >= 0) }`,
      MetricTransformations: [
        { MetricName: repairs.MetricName, MetricNamespace: 'PatientPayments', MetricValue: '$.repaired' },
      ],
    });
    const restarts = byName(ALARM_RULES.taskRestarts.name);
    assert.equal(restarts.Namespace, 'AWS/Events');
    const [ruleId, rule] = resource(s, 'AWS::Events::Rule', 'AlarmsUnexpectedTaskStop');
    assert.deepEqual(restarts.Dimensions, [{ Name: 'RuleName', Value: ref(ruleId) }]);
    assert.deepEqual(rule.Properties.EventPattern.detail.$or[0], { stopCode: UNEXPECTED_STOP_CODES });
  });

  it('the alarm topic is KMS-encrypted and the data key lets CloudWatch publish to it', () => {
    const t = resource(s, 'AWS::SNS::Topic', 'AlarmsTopic')[1];
    assert.deepEqual(t.Properties.KmsMasterKeyId, att(idOf('AWS::KMS::Key', 'EncryptionDataKey'), 'Arn'));
    const key = resource(s, 'AWS::KMS::Key', 'EncryptionDataKey')[1];
    assert.match(JSON.stringify(key.Properties.KeyPolicy), /cloudwatch\.amazonaws\.com/);
  });
});

describe('images', () => {
  const specs = [
    {
      spec: BFF_IMAGE,
      container: BFF_CONTAINER,
      module: 'bff',
      port: product.bffPort,
      portEnv: 'BFF_PORT',
      health: '/health/liveness',
    },
    {
      spec: CONNECTOR_IMAGE,
      container: CONNECTOR_CONTAINER,
      module: 'emr-connector',
      port: product.connectorPort,
      portEnv: 'EMR_PORT',
      health: '/health',
    },
  ];
  const requireJars = process.env.INFRA_REQUIRE_JARS === '1';

  for (const { spec, container, module, port, portEnv, health } of specs) {
    const stage = finalStage(path.join(REPO_ROOT, spec.dockerfile));

    it(`${spec.dockerfile} copies the jar Maven builds (${module}/target/<artifactId>-<version>.jar), which is in the asset context`, (t) => {
      const jar = mavenJar(module);
      const copied = copies(stage).flatMap((c) => c.sources);
      assert.ok(copied.includes(jar), `${spec.dockerfile} copies ${copied}, Maven builds ${jar}`);
      for (const src of copied) {
        assert.ok(spec.context.includes(src), `${src} is outside the image's build context ${spec.context}`);
      }
      if (fs.existsSync(path.join(REPO_ROOT, jar))) {
        assert.ok(fs.statSync(path.join(REPO_ROOT, jar)).size > 1_000_000, `${jar} is not the shaded jar`);
      } else if (requireJars) {
        assert.fail(`${jar} does not exist after the build (INFRA_REQUIRE_JARS=1)`);
      } else {
        t.skip(`${jar} is not built here (run ./mvnw package; make test-infra requires it)`);
      }
    });

    it(`${spec.dockerfile} runs as a non-root user, the one the task definition names`, () => {
      const users = all(stage, 'USER');
      const last = users[users.length - 1];
      assert.ok(last && !/^(root|0)(:|$)/.test(last), `final USER is ${last}`);
      assert.equal(last, IMAGE_USER);
      assert.equal(containers()[container].User, IMAGE_USER);
      assert.match(all(stage, 'RUN').join('\n'), new RegExp(`useradd .*--uid ${IMAGE_USER.split(':')[0]}`));
    });

    it(`${spec.dockerfile} exposes and defaults to the configured port ${port}`, () => {
      assert.deepEqual(all(stage, 'EXPOSE'), [String(port)]);
      assert.equal(env(stage, portEnv), String(port));
      assert.deepEqual(
        containers()[container].PortMappings.map((p: any) => p.ContainerPort),
        [port],
      );
    });

    it(`${spec.dockerfile} health check and the task definition's both probe ${health}`, () => {
      const [check] = all(stage, 'HEALTHCHECK');
      assert.ok(check, 'no HEALTHCHECK');
      assert.match(check, new RegExp(`http://127\\.0\\.0\\.1:\\$\\{${portEnv}\\}${health.replace(/\//g, '\\/')}"`));
      const command = containers()[container].HealthCheck.Command.join(' ');
      assert.match(command, new RegExp(`http://127\\.0\\.0\\.1:${port}${health}( |$)`));
    });

    it(`${spec.dockerfile} starts the JVM container-aware with the AppCDS archive its build recorded`, () => {
      const opts = env(stage, 'JAVA_OPTS') ?? '';
      assert.match(opts, /-XX:MaxRAMPercentage=\d+/);
      assert.match(opts, /-XX:\+ExitOnOutOfMemoryError/);
      // The training run uses JAVA_OPTS: naming the (not yet written) archive there as the base archive makes the
      // JVM refuse to record it ("DynamicDumpSharedSpaces is unsupported when base CDS archive is not loaded").
      assert.doesNotMatch(opts, /SharedArchiveFile/);
      const archive = /-XX:SharedArchiveFile=(\S+)/.exec(env(stage, 'JAVA_CDS_OPTS') ?? '')?.[1];
      assert.ok(archive, 'no SharedArchiveFile in JAVA_CDS_OPTS');
      const training = all(stage, 'RUN').find((r) => r.includes('-XX:ArchiveClassesAtExit='));
      assert.ok(training, 'no training run');
      assert.match(training, new RegExp(`java \\$JAVA_OPTS -XX:ArchiveClassesAtExit=${archive} -jar`));
      assert.match(training, new RegExp(`test -s ${archive}`), 'the build does not fail when no archive was written');
      const users = stage
        .map((i) => (i.keyword === 'USER' ? i.args : i === stage.find((x) => x.args === training) ? 'TRAINING' : ''))
        .filter(Boolean);
      assert.notEqual(users[users.indexOf('TRAINING') - 1], 'root', 'the training run must run as the app user');
      assert.match(all(stage, 'ENTRYPOINT')[0], /exec java \$JAVA_OPTS \$JAVA_CDS_OPTS -jar/);
    });
  }

  it('the BFF image carries the SPA build where UI_DIST_DIR points', () => {
    const stage = finalStage(path.join(REPO_ROOT, BFF_IMAGE.dockerfile));
    const angular = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'ui-angular/angular.json'), 'utf8'));
    const [name, project] = Object.entries<any>(angular.projects)[0];
    const dist = `ui-angular/${project.architect.build.options.outputPath ?? `dist/${name}`}/browser`;
    assert.ok(copies(stage).some((c) => c.sources.includes(dist) && c.dest === UI_DIST_IN_IMAGE));
    assert.equal(env(stage, 'UI_DIST_DIR'), UI_DIST_IN_IMAGE);
    const bffEnv = Object.fromEntries(containers()[BFF_CONTAINER].Environment.map((e: any) => [e.Name, e.Value]));
    assert.equal(bffEnv.UI_DIST_DIR, UI_DIST_IN_IMAGE);
  });

  it('are Docker image assets built from these Dockerfiles, staged at synth without Docker and without the rest of the tree', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(s.outdir, `${s.stack.artifactId}.assets.json`), 'utf8'));
    const images = Object.values<any>(manifest.dockerImages);
    assert.deepEqual(
      images.map((i) => i.source.dockerFile).sort(),
      [BFF_IMAGE.dockerfile, CONNECTOR_IMAGE.dockerfile].sort(),
    );
    for (const image of images) {
      assert.equal(image.source.platform, 'linux/amd64');
      const spec = image.source.dockerFile === BFF_IMAGE.dockerfile ? BFF_IMAGE : CONNECTOR_IMAGE;
      const staged = listFiles(path.join(s.outdir, image.source.directory));
      for (const file of staged) {
        assert.ok(
          spec.context.some((c) => file === c || file.startsWith(`${c}/`)),
          `${file} leaked into the ${spec.dockerfile} context`,
        );
      }
      assert.ok(staged.includes(spec.dockerfile));
    }
    assert.ok(process.env.CDK_DOCKER?.includes('no-docker-here'), 'synth ran with Docker made unavailable');
  });
});

/** `<module>/target/<artifactId>-<version>.jar` from the module's pom (version inherited from the parent). */
function mavenJar(module: string): string {
  const pom = fs
    .readFileSync(path.join(REPO_ROOT, module, 'pom.xml'), 'utf8')
    .replace(/<parent>[\s\S]*?<\/parent>/, '')
    .replace(/<dependencies>[\s\S]*<\/dependencies>/, '')
    .replace(/<build>[\s\S]*<\/build>/, '');
  const parent = fs.readFileSync(path.join(REPO_ROOT, 'pom.xml'), 'utf8').replace(/<parent>[\s\S]*?<\/parent>/, '');
  const artifactId = /<artifactId>([^<]+)<\/artifactId>/.exec(pom)![1];
  const version = (/<version>([^<]+)<\/version>/.exec(pom) ?? /<version>([^<]+)<\/version>/.exec(parent))![1];
  assert.doesNotMatch(
    fs.readFileSync(path.join(REPO_ROOT, module, 'pom.xml'), 'utf8'),
    /<finalName>/,
    'finalName changes the jar name',
  );
  return `${module}/target/${artifactId}-${version}.jar`;
}

function listFiles(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
    );
}
