import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { HIPAASecurityChecks, PCIDSS321Checks } from 'cdk-nag';
import { buildApp } from '../bin/app';
import { NAG_SUPPRESSIONS, PACKS } from '../lib/nag-suppressions';
import { REPO_ROOT } from '../lib/product-config';

interface Finding {
  rule: string;
  path: string;
}

/** Every unacknowledged finding of both packs on a freshly built (not synthesized) app. */
function findings(nagSuppressions: boolean): Finding[] {
  const started = Date.now();
  const { app, stack } = buildApp({ nagSuppressions, builtinCloudFormationValidation: false });
  const out: Finding[] = [];
  for (const pack of [new HIPAASecurityChecks(app), new PCIDSS321Checks(app)]) {
    const report = pack.validateScope(stack);
    for (const v of report.violations) {
      for (const r of v.violatingResources as unknown as { constructPath: string }[]) {
        out.push({ rule: v.ruleName, path: r.constructPath });
      }
    }
  }
  console.log(
    `# cdk-nag HIPAA + PCI ${nagSuppressions ? 'with' : 'without'} suppressions: ${out.length} findings, ${Date.now() - started} ms`,
  );
  return out;
}

describe('cdk-nag HIPAA Security and PCI DSS 3.2.1 packs', () => {
  it('report zero unsuppressed findings', () => {
    const left = findings(true);
    assert.deepEqual(
      left.map((f) => `${f.rule} at ${f.path}`),
      [],
    );
  });

  it('every suppression covers real findings (none is stale) and every raw finding is covered by one', () => {
    const raw = findings(false);
    assert.ok(raw.length > 0);
    const { stack } = buildApp({ builtinCloudFormationValidation: false });
    const covered = (f: Finding) =>
      NAG_SUPPRESSIONS.some(
        (s) =>
          PACKS.some((p) => f.rule === `${p}-${s.rule}`) &&
          s.targets(stack).some((t) => f.path === t.node.path || f.path.startsWith(`${t.node.path}/`)),
      );
    assert.deepEqual(
      raw.filter((f) => !covered(f)).map((f) => `${f.rule} at ${f.path}`),
      [],
    );
    for (const s of NAG_SUPPRESSIONS) {
      const paths = s.targets(stack).map((t) => t.node.path);
      const used = raw.some(
        (f) =>
          PACKS.some((p) => f.rule === `${p}-${s.rule}`) &&
          paths.some((tp) => f.path === tp || f.path.startsWith(`${tp}/`)),
      );
      assert.ok(used, `suppression ${s.rule} (${s.scope}) suppresses nothing: remove it`);
      assert.ok(s.reason.length >= 80, `suppression ${s.rule} (${s.scope}) needs a real justification`);
    }
  });

  it('docs/deploy-aws.md lists every suppression (rule and what it covers)', () => {
    const guide = fs.readFileSync(path.join(REPO_ROOT, 'docs/deploy-aws.md'), 'utf8');
    for (const s of NAG_SUPPRESSIONS) {
      const row = guide.split('\n').find((line) => line.includes(`\`${s.rule}\``) && line.includes(s.scope));
      assert.ok(row, `docs/deploy-aws.md has no line naming \`${s.rule}\` with "${s.scope}"`);
    }
  });
});
