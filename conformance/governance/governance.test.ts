// Runs every case of conformance/governance/*.json against @warrant/policy.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { decodeProposal, type ExceptionRecord } from '@warrant/core';
import {
  decodeGovernance,
  executeExceptionCommand,
  governanceDigest,
  requirementsFor,
  type GovernanceConfig,
} from '@warrant/policy';
import { requirementsSummary } from '../tools/requirements-summary';
import { runAuditCase, type AuditInput } from '../tools/signature-audit-run';
import { runSweepCase, type SweepInput } from '../tools/sweep-run';

interface Case {
  readonly name: string;
  readonly input: unknown;
  readonly expected?: unknown;
  readonly error?: string;
}
const HERE = dirname(fileURLToPath(import.meta.url));
const load = (file: string): ReadonlyArray<Case> =>
  (JSON.parse(readFileSync(join(HERE, file), 'utf8')) as { cases: Case[] }).cases;

const configs = load('config.json');
/** The configuration a case names in `input.config` (absent: the default configuration). */
const configOf = (input: unknown): GovernanceConfig => {
  const name = (input as { config?: string }).config ?? 'default configuration';
  const c = configs.find((x) => x.name === name);
  if (c === undefined) throw new Error(`no configuration named ${name} in config.json`);
  const r = decodeGovernance(c.input);
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};

describe('conformance/governance/config.json', () => {
  it.each(configs.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const r = decodeGovernance(c.input);
    if (c.error !== undefined) {
      expect(E.isLeft(r) && r.left.code).toBe(c.error);
      expect(E.isLeft(r) && c.name.endsWith(` at ${r.left.path}`)).toBe(true);
      return;
    }
    if (E.isLeft(r)) throw new Error(r.left.message);
    expect({ digest: governanceDigest(r.right) }).toEqual(c.expected);
  });
});

describe('docs/spec/governance-v1.md section 8.1', () => {
  it('shows the configuration of the vector "all requirements (spec section 8.1)"', () => {
    const spec = readFileSync(join(HERE, '..', '..', 'docs', 'spec', 'governance-v1.md'), 'utf8');
    const section = spec.slice(spec.indexOf('### 8.1 '));
    const block = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
    const vector = configs.find((c) => c.name === 'all requirements (spec section 8.1)');
    expect(block === undefined ? undefined : JSON.parse(block)).toEqual(vector?.input);
    expect(section).toContain((vector?.expected as { digest: string }).digest);
  });
});

describe('conformance/governance/requirements.json', () => {
  it.each(load('requirements.json').map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const config = configOf(c.input);
    const p = decodeProposal((c.input as { proposal: unknown }).proposal);
    if (E.isLeft(p)) throw new Error(p.left.message);
    expect(requirementsSummary(requirementsFor(config, p.right))).toEqual(c.expected);
  });
});

describe('conformance/governance/commands.json', () => {
  it.each(load('commands.json').map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const config = configOf(c.input);
    let record: ExceptionRecord | undefined;
    const got = (c.input as { commands: unknown[] }).commands.map((cmd) => {
      const r = executeExceptionCommand(record, cmd, config);
      if (E.isRight(r)) {
        record = r.right.record;
        return { events: JSON.parse(JSON.stringify(r.right.events)) as unknown };
      }
      if ('refusals' in r.left) {
        return {
          refused: r.left.refusals.map((x) => ({
            code: x.code,
            path: x.path,
            rule: x.rule ?? null,
          })),
        };
      }
      return { invalid: r.left.issues.map((i) => i.path) };
    });
    expect(got).toEqual(c.expected);
  });
});

describe('conformance/governance/sweep.json', () => {
  it.each(load('sweep.json').map((c) => [c.name, c] as const))('%s', (_n, c) => {
    expect(runSweepCase(c.input as SweepInput, configOf(c.input))).toEqual(c.expected);
  });
});

describe('conformance/governance/signature-audit.json', () => {
  const named = (name: string | undefined) => configOf(name === undefined ? {} : { config: name });
  it.each(load('signature-audit.json').map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    expect(await runAuditCase(c.input as AuditInput, named)).toEqual(c.expected);
  });
});
