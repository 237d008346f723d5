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
import { DIGEST_A, DIGEST_B, narrowProposal } from '../../../test-support/exception-fixtures';

export const CONFIG: GovernanceConfig = defaultGovernance({
  approver: ['alice', 'bob', 'carol'],
  'security-reviewer': ['sec', 'sec2'],
  cab: ['cab'],
});

export const A = DIGEST_A;
export const B = DIGEST_B;
export const human = (id: string) => ({ id, kind: 'human' as const });
export const at = (s: string) => s as Timestamp;

/** A narrow NOT_AFFECTED vulnerability exception in the given env, with VEX evidence. */
export const content = narrowProposal;

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
