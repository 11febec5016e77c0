import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { ALARM_RULES, AlarmRule } from '../lib/alarm-thresholds';
import { durationSeconds, REPO_ROOT } from '../lib/product-config';

const ALERTS = path.join(REPO_ROOT, 'ops/prometheus/alerts.yml');
const DASHBOARD = path.join(REPO_ROOT, 'ops/grafana/patient-payments.json');

interface PromRule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

const rules: PromRule[] = parse(fs.readFileSync(ALERTS, 'utf8')).groups.flatMap((g: { rules: PromRule[] }) => g.rules);

/** Prometheus durations (`5m`, `1h30m`, `90s`) in seconds. */
function promSeconds(d: string): number {
  let total = 0;
  for (const m of d.matchAll(/(\d+)(ms|s|m|h|d|w)/g)) {
    total += durationSeconds(`${m[1]}${m[2] === 'w' ? 'd' : m[2]}`, 'for', ALERTS) * (m[2] === 'w' ? 7 : 1);
  }
  return total;
}

describe('Prometheus alert rules (ops/prometheus/alerts.yml) match the CloudWatch alarms', () => {
  it('there is one rule per CloudWatch alarm, named alike and labelled with its twin', () => {
    assert.deepEqual(
      rules.map((r) => r.alert).sort(),
      Object.values(ALARM_RULES)
        .map((r) => r.name)
        .sort(),
    );
    for (const r of rules) {
      assert.equal(r.labels?.cloudwatch_alarm, r.alert);
      assert.ok(r.annotations?.summary && r.annotations?.description, `${r.alert} lacks summary/description`);
    }
  });

  for (const rule of Object.values<AlarmRule>(ALARM_RULES)) {
    it(`${rule.name}: threshold > ${rule.threshold}, window ${rule.promWindowSeconds ?? rule.periodSeconds} s, for ${(rule.evaluationPeriods - 1) * rule.periodSeconds} s`, () => {
      const r = rules.find((x) => x.alert === rule.name)!;
      const expr = r.expr.replace(/\s+/g, ' ');
      assert.match(expr, new RegExp(`> ${rule.threshold.toString().replace('.', '\\.')}( |$)`), expr);
      const comparisons = [...expr.matchAll(/ > (\d+(\.\d+)?)( |$)/g)].map((m) => Number(m[1]));
      assert.ok(
        comparisons.every((c) => c === rule.threshold || (rule.name === 'WebhookOldestMessageAge' && c === 0)),
        `${rule.name} compares against ${comparisons}`,
      );
      const windows = [...expr.matchAll(/\[(\d+[smhdw])(:\d+[smhdw])?\]/g)].map((m) => promSeconds(m[1]));
      for (const w of windows) {
        assert.equal(w, rule.promWindowSeconds ?? rule.periodSeconds, `${rule.name} window`);
      }
      assert.equal(
        r.for ? promSeconds(r.for) : 0,
        (rule.evaluationPeriods - 1) * rule.periodSeconds,
        `${rule.name} for`,
      );
    });
  }
});

describe('Grafana dashboard (ops/grafana/patient-payments.json)', () => {
  const dashboard = JSON.parse(fs.readFileSync(DASHBOARD, 'utf8'));
  it('is an importable dashboard whose every query uses the Prometheus data source input', () => {
    assert.equal(dashboard.uid, 'patient-payments');
    assert.deepEqual(
      dashboard.__inputs.map((i: { name: string }) => i.name),
      ['DS_PROMETHEUS'],
    );
    const queries = dashboard.panels.filter((p: any) => p.type !== 'row');
    assert.ok(queries.length >= 15);
    for (const p of queries) {
      assert.ok(
        p.targets.length > 0 && p.targets.every((t: any) => t.expr && t.datasource.uid === '${DS_PROMETHEUS}'),
        p.title,
      );
    }
  });

  it('shows every alert of the rule file', () => {
    const exprs = dashboard.panels.flatMap((p: any) => (p.targets ?? []).map((t: any) => t.expr)).join('\n');
    for (const metric of [
      'payments_webhook_dlq_depth',
      'http_server_requests_seconds_count',
      'pp_graphql_operation_seconds_bucket',
      'payments_reconciliation_repaired_total',
      'process_start_time_seconds',
      'payments_webhook_queue_depth',
    ]) {
      assert.ok(exprs.includes(metric), `no panel shows ${metric}`);
    }
  });
});
