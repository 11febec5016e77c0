import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { App } from 'aws-cdk-lib';
import { parse } from 'yaml';
import {
  BFF_APPLICATION_YML,
  CONNECTOR_APPLICATION_YML,
  durationSeconds,
  lookup,
  readProductConfig,
} from '../lib/product-config';
import { DEFAULTS, readSettings } from '../lib/settings';

describe('product settings read from application.yml', () => {
  it('are the values the services run with', () => {
    const bff = parse(fs.readFileSync(BFF_APPLICATION_YML, 'utf8'));
    const c = readProductConfig();
    assert.equal(c.maxReceives, Number(lookup(bff, 'payments.queue.max-receives')));
    assert.equal(`${c.visibilityTimeoutSeconds}s`, String(lookup(bff, 'payments.queue.visibility-timeout')));
    assert.equal(
      c.reconciliationIntervalSeconds,
      durationSeconds(lookup(bff, 'payments.reconciliation.interval'), 'k', 'f'),
    );
    assert.equal(c.bffPort, 8080);
    assert.equal(c.connectorPort, 8081);
    assert.ok(c.connectorCallSeconds > 0 && c.connectorCallSeconds < c.visibilityTimeoutSeconds);
  });

  const variant = (edit: (text: string) => string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-config-'));
    const file = path.join(dir, 'application.yml');
    fs.writeFileSync(file, edit(fs.readFileSync(BFF_APPLICATION_YML, 'utf8')));
    return file;
  };

  it('a missing or malformed key stops the synth with the file and key named', () => {
    for (const [edit, message] of [
      [(t: string) => t.replace(/\n\s*max-receives: .*\n/, '\n'), /'payments\.queue\.max-receives' is missing/],
      [(t: string) => t.replace(/max-receives: .*/, 'max-receives: five'), /must be a positive integer, got 'five'/],
      [(t: string) => t.replace(/max-receives: .*/, 'max-receives: 0'), /must be a positive integer, got '0'/],
      [
        (t: string) => t.replace(/visibility-timeout: .*/, 'visibility-timeout: soon'),
        /not a duration like 30s, got 'soon'/,
      ],
      [
        (t: string) => t.replace(/\n\s*read-timeout: 2s\n/, '\n'),
        /'micronaut\.http\.services\.emr\.read-timeout' is missing/,
      ],
      [
        // The BFF's application.yml is the one home of this default: no second one here.
        (t: string) => t.replace(/(\n  reconciliation:\n(?:\s*#.*\n)*)\s*interval: .*\n/, '$1'),
        /'payments\.reconciliation\.interval' is missing/,
      ],
    ] as const) {
      const file = variant(edit);
      assert.throws(
        () => readProductConfig(file, CONNECTOR_APPLICATION_YML),
        (e: Error) => e.message.includes(file) && message.test(e.message),
      );
    }
  });

  it('parses Micronaut durations', () => {
    assert.deepEqual(
      ['500ms', '30s', '15m', '1h', '1d', '45'].map((d) => durationSeconds(d, 'k', 'f')),
      [0.5, 30, 900, 3600, 86400, 45],
    );
  });
});

describe('deployment settings (CDK context)', () => {
  const settings = (context: Record<string, unknown>) => readSettings(new App({ context }).node);
  it('default to a synthesizable placeholder deployment', () => {
    const s = settings({});
    assert.equal(s.domainName, DEFAULTS.domainName);
    assert.equal(s.emailDomain, DEFAULTS.domainName);
    assert.equal(s.receiptFromEmail, `receipts@${DEFAULTS.domainName}`);
    assert.equal(s.certificateArn, undefined);
  });

  it('reject values that would deploy something wrong, naming the key', () => {
    for (const [context, message] of [
      [{ domainName: 'Pay.Example.com' }, /domainName/],
      [{ domainName: 'localhost' }, /domainName/],
      [{ certificateArn: 'arn:aws:iam::123456789012:role/x' }, /certificateArn/],
      [{ stripePublishableKey: 'sk_live_abc' }, /publishable key.*never into context/],
      [{ bffDesiredCount: '0' }, /bffDesiredCount/],
      [{ bffDesiredCount: '4', bffMaxCount: '3' }, /bffMaxCount/],
      [{ logRetentionDays: '100' }, /'logRetentionDays' must be one of/],
      [{ dbMultiAz: 'yes' }, /dbMultiAz/],
      [{ webhookIngress: 'lambda' }, /webhookIngress/],
    ] as const) {
      assert.throws(() => settings(context), message, JSON.stringify(context));
    }
  });
});
