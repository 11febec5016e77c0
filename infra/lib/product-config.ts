import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

/** The repository root (this file lives in infra/lib or, compiled, infra/dist/lib). */
export const REPO_ROOT = findRepoRoot(__dirname);

/**
 * The product settings the infrastructure must agree with, read at synth time from the services' own
 * `application.yml` files, so a change there cannot silently drift from the queue or the security groups.
 */
export interface ProductConfig {
  /** `payments.queue.max-receives` (bff): receives before SQS moves a webhook message to the DLQ (redrive maxReceiveCount). */
  readonly maxReceives: number;
  /** `payments.queue.visibility-timeout` (bff), seconds: how long the consumer keeps a received message hidden while it handles it. */
  readonly visibilityTimeoutSeconds: number;
  /** The consumer's worst-case handling time of one message, seconds: the connector client's connect + read timeout. */
  readonly connectorCallSeconds: number;
  /** `micronaut.server.port` default (bff, env BFF_PORT). */
  readonly bffPort: number;
  /** `micronaut.server.port` default (emr-connector, env EMR_PORT). */
  readonly connectorPort: number;
  /** `payments.reconciliation.interval` (bff), seconds: the reconciliation job's time between runs. */
  readonly reconciliationIntervalSeconds: number;
}

export const BFF_APPLICATION_YML = path.join(REPO_ROOT, 'bff/src/main/resources/application.yml');
export const CONNECTOR_APPLICATION_YML = path.join(REPO_ROOT, 'emr-connector/src/main/resources/application.yml');

const EMR_CONNECT_TIMEOUT = 'micronaut.http.services.emr.connect-timeout';
const EMR_READ_TIMEOUT = 'micronaut.http.services.emr.read-timeout';

/** Reads both services' application.yml. Throws with the file and key when a required key is missing or malformed. */
export function readProductConfig(
  bffYml = BFF_APPLICATION_YML,
  connectorYml = CONNECTOR_APPLICATION_YML,
): ProductConfig {
  const bff = parse(fs.readFileSync(bffYml, 'utf8'));
  const connector = parse(fs.readFileSync(connectorYml, 'utf8'));
  return {
    maxReceives: positiveInteger(
      required(bff, 'payments.queue.max-receives', bffYml),
      'payments.queue.max-receives',
      bffYml,
    ),
    visibilityTimeoutSeconds: durationSeconds(
      required(bff, 'payments.queue.visibility-timeout', bffYml),
      'payments.queue.visibility-timeout',
      bffYml,
    ),
    connectorCallSeconds:
      durationSeconds(required(bff, EMR_CONNECT_TIMEOUT, bffYml), EMR_CONNECT_TIMEOUT, bffYml) +
      durationSeconds(required(bff, EMR_READ_TIMEOUT, bffYml), EMR_READ_TIMEOUT, bffYml),
    bffPort: placeholderPort(required(bff, 'micronaut.server.port', bffYml), bffYml),
    connectorPort: placeholderPort(required(connector, 'micronaut.server.port', connectorYml), connectorYml),
    reconciliationIntervalSeconds: durationSeconds(
      required(bff, 'payments.reconciliation.interval', bffYml),
      'payments.reconciliation.interval',
      bffYml,
    ),
  };
}

/** A dotted key (`a.b-c.d`) in a parsed YAML document, or undefined. */
export function lookup(doc: unknown, dotted: string): unknown {
  let node: unknown = doc;
  for (const part of dotted.split('.')) {
    if (node === null || typeof node !== 'object') {
      return undefined;
    }
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function required(doc: unknown, dotted: string, file: string): unknown {
  const value = lookup(doc, dotted);
  if (value === undefined || value === null) {
    throw new Error(`${file}: '${dotted}' is missing; the infrastructure reads it at synth time`);
  }
  return value;
}

function positiveInteger(value: unknown, key: string, file: string): number {
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`${file}: '${key}' must be a positive integer, got '${String(value)}'`);
  }
  return n;
}

/** Micronaut durations as used in the files: `500ms`, `30s`, `15m`, `1h`, `1d` (or a bare number of seconds). */
export function durationSeconds(value: unknown, key: string, file: string): number {
  const m = /^(\d+)(ms|s|m|h|d)?$/.exec(String(value).trim());
  if (!m) {
    throw new Error(`${file}: '${key}' is not a duration like 30s, got '${String(value)}'`);
  }
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  const factor: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };
  return n * factor[unit];
}

/** `${BFF_PORT:8080}` → 8080 (the default an image runs with); a literal port as is. */
function placeholderPort(value: unknown, file: string): number {
  const text = String(value).trim();
  const m = /^\$\{[A-Z_]+:(\d+)\}$/.exec(text) ?? /^(\d+)$/.exec(text);
  if (!m) {
    throw new Error(`${file}: micronaut.server.port must be a port or \${ENV:port}, got '${text}'`);
  }
  return Number(m[1]);
}

function findRepoRoot(start: string): string {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'bff')) && fs.existsSync(path.join(dir, 'emr-connector'))) {
      return dir;
    }
    dir = path.dirname(dir);
  }
  throw new Error(`cannot find the repository root (with bff/ and emr-connector/) above ${start}`);
}
