import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp, BuiltApp } from '../bin/app';

/** What one synthesis of the real app (nag packs and CloudFormation validation on) produced. */
export interface Synthesized extends BuiltApp {
  readonly template: Template;
  /** The raw template JSON. */
  readonly json: {
    Resources: Record<string, { Type: string; Properties?: any; DeletionPolicy?: string }>;
    [k: string]: any;
  };
  readonly outdir: string;
  readonly millis: number;
}

let cached: Synthesized | undefined;

/**
 * Synthesizes the app once per test process, exactly as `cdk synth` does (same feature flags, cdk-nag packs and
 * CloudFormation validation; a validation error throws), into a temporary cloud assembly. Docker is made unavailable
 * first: synthesis must only stage and hash the image assets. Prints how long it took.
 */
export function synthesized(): Synthesized {
  if (cached) {
    return cached;
  }
  process.env.CDK_DOCKER = path.join(os.tmpdir(), 'no-docker-here');
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'pp-infra-'));
  process.on('exit', () => fs.rmSync(outdir, { recursive: true, force: true }));
  const started = Date.now();
  const built = buildApp({ outdir });
  const assembly = built.app.synth();
  const millis = Date.now() - started;
  console.log(`# synth of ${built.stack.stackName} (nag packs + CloudFormation validation): ${millis} ms`);
  const file = assembly.getStackArtifact(built.stack.artifactId).templateFullPath;
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  cached = { ...built, template: Template.fromJSON(json), json, outdir, millis };
  return cached;
}

/** Logical ids and resources of a type. */
export function resourcesOfType(s: Synthesized, type: string): [string, any][] {
  return Object.entries(s.json.Resources).filter(([, r]) => r.Type === type);
}

/** The one resource of a type whose logical id starts with `prefix`. */
export function resource(s: Synthesized, type: string, prefix: string): [string, any] {
  const found = resourcesOfType(s, type).filter(([id]) => id.startsWith(prefix));
  if (found.length !== 1) {
    throw new Error(`expected one ${type} with id ${prefix}*, found ${found.map(([id]) => id).join(', ') || 'none'}`);
  }
  return found[0];
}
