// Shared fixtures for the policy tests: the default configuration with test members, and
// proposal content for dev and prod.
import * as E from 'fp-ts/lib/Either.js';
import type { ExceptionRecord, Timestamp } from '@warrant/core';
import {
  defaultGovernance,
  executeExceptionCommand,
  type CommandOutcome,
  type GovernanceConfig,
  type LifecycleError,
} from '@warrant/policy';

export const CONFIG: GovernanceConfig = defaultGovernance({
  approver: ['alice', 'bob', 'carol'],
  'security-reviewer': ['sec', 'sec2'],
  cab: ['cab'],
});

export const A = `sha256:${'a'.repeat(64)}`;
export const B = `sha256:${'b'.repeat(64)}`;
export const human = (id: string) => ({ id, kind: 'human' as const });
export const at = (s: string) => s as Timestamp;

/** A narrow NOT_AFFECTED vulnerability exception in the given env, with VEX evidence. */
export const content = (
  env: string,
  over: Record<string, unknown> = {},
): Record<string, unknown> => ({
  type: 'vulnerability',
  owner: 'team-payments',
  scope: {
    artifacts: [{ digest: A }],
    components: [{ purl: 'pkg:npm/lodash@4.17.20' }],
    vulnerabilities: ['CVE-2021-23337'],
    environment: { envs: [env] },
  },
  reason_code: 'NOT_AFFECTED',
  rationale: 'The vulnerable template function is never called with user input.',
  evidence_refs: [
    {
      kind: 'vex',
      uri: 'https://vex.example.com/a.json',
      media_type: 'application/openvex+json',
      digest: B,
    },
  ],
  risk_acceptance: { accepted: false },
  risk_score: 20,
  expires_at: '2026-03-01T00:00:00Z',
  ...over,
});

/** Runs commands in order, threading the record; throws on a refusal unless `allowRefusal`. */
export class Session {
  record: ExceptionRecord | undefined;
  readonly events: unknown[] = [];
  constructor(readonly config: GovernanceConfig = CONFIG) {}

  run(command: Record<string, unknown>): CommandOutcome {
    const r = this.try(command);
    if (E.isLeft(r)) throw new Error(`${r.left.code}: ${r.left.message}`);
    return r.right;
  }

  try(command: Record<string, unknown>): E.Either<LifecycleError, CommandOutcome> {
    const id = this.record?.exception_id;
    const r = executeExceptionCommand(
      this.record,
      { ...(id === undefined ? {} : { exception_id: id }), ...command },
      this.config,
    );
    if (E.isRight(r)) {
      this.record = r.right.record;
      this.events.push(...r.right.events);
    }
    return r;
  }

  refusals(
    command: Record<string, unknown>,
  ): ReadonlyArray<{ code: string; path: string; message: string; rule?: string }> {
    const r = this.try(command);
    if (E.isRight(r)) throw new Error('expected a refusal');
    return 'refusals' in r.left ? r.left.refusals : r.left.issues;
  }
}
