/**
 * What every command needs to know about the exception it targets (docs/spec/governance-v1.md
 * section 6.2): that it exists and is the one named, that time does not go backwards, the latest
 * version and its status, who requested it; and how an accepted command's events become the
 * outcome returned to the host.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  analyzeBreadth,
  applyExceptionEvent,
  compareTimestamps,
  exceptionStateAt,
  type BreadthAnalysis,
  type EventDraft,
  type ExceptionRecord,
  type ExceptionState,
  type Timestamp,
  type VersionRecord,
} from '@warrant/core';
import type { GovernanceConfig } from '../governance/config';
import { approvalProgress, type ApprovalProgress } from '../governance/approval-progress';
import { requirementsFor, type Requirements } from '../governance/requirements';
import { refusal, refused, type CommandRefused, type Refusal } from './errors';

// --- model -----------------------------------------------------------------

/** What an accepted command produced. */
export interface CommandOutcome {
  /** The exception the command was about. */
  readonly exception_id: string;
  /** The events to append to the log, in order (the command's only effect). */
  readonly events: ReadonlyArray<EventDraft>;
  /** The record after the events (what folding the log will give). */
  readonly record: ExceptionRecord;
  /** The state at the command's instant, after the events. */
  readonly state: ExceptionState;
  /** What governance requires of the latest version. */
  readonly requirements: Requirements;
  /** Approval progress of the latest version. */
  readonly progress: ApprovalProgress;
  /** Breadth of the latest version (its reasons are warnings to show). */
  readonly breadth: BreadthAnalysis;
}

/** The targeted exception, checked. */
export interface Target {
  readonly record: ExceptionRecord;
  readonly latest: VersionRecord;
}

// --- operations ------------------------------------------------------------

/**
 * Checks that a command targets an existing exception, the one in `record`, without going back
 * in time.
 * @param record - the exception's record, or undefined if the host found none
 * @param exceptionId - the id the command names
 * @param at - the command's instant
 * @returns the target, or the state refusal
 * @internal
 * @example
 * checkTarget(record, 'exc-1', at)
 */
export const checkTarget = (
  record: ExceptionRecord | undefined,
  exceptionId: string,
  at: Timestamp,
): E.Either<CommandRefused, Target> => {
  if (record === undefined || record.exception_id !== exceptionId) {
    return E.left(
      refused([
        refusal(
          'POLICY_STATE_CONFLICT',
          '$.exception_id',
          `no exception ${exceptionId} in the given record`,
        ),
      ]),
    );
  }
  if (compareTimestamps(at, record.last_time) < 0) {
    return E.left(
      refused([
        refusal(
          'POLICY_COMMAND_OUT_OF_ORDER',
          '$.at',
          `at ${at} is earlier than the last event (${record.last_time})`,
        ),
      ]),
    );
  }
  return E.right({ record, latest: record.versions[record.versions.length - 1] as VersionRecord });
};

/**
 * Everyone who created a version of the exception up to a version (the "requesters").
 * @param record - the record
 * @param upTo - the last version to consider
 * @returns their actor ids
 * @internal
 * @example
 * requestersOf(record, 2) // Set { 'alice', 'dave' }
 */
export const requestersOf = (record: ExceptionRecord, upTo: number): ReadonlySet<string> =>
  new Set(record.versions.filter((v) => v.version <= upTo).map((v) => v.requester));

/**
 * Applies an accepted command's events and describes the result.
 * @param record - the record before (undefined for a proposal)
 * @param events - the events the command produced
 * @param at - the command's instant
 * @param governance - the configuration
 * @returns the outcome
 * @throws Error if the fold refuses an event a command produced (a bug, never an input problem)
 * @internal
 * @example
 * buildOutcome(record, [draft], at, config)
 */
export const buildOutcome = (
  record: ExceptionRecord | undefined,
  events: ReadonlyArray<EventDraft>,
  at: Timestamp,
  governance: GovernanceConfig,
): CommandOutcome => {
  let next = record;
  for (const e of events) {
    const r = applyExceptionEvent(next, e);
    if (E.isLeft(r))
      throw new Error(`internal: a command produced an event the fold refuses: ${r.left.message}`);
    next = r.right;
  }
  const after = next as ExceptionRecord;
  const latest = after.versions[after.versions.length - 1] as VersionRecord;
  const requirements = requirementsFor(governance, latest.content);
  return {
    exception_id: after.exception_id,
    events,
    record: after,
    state: exceptionStateAt(after, at) as ExceptionState,
    requirements,
    progress: approvalProgress(requirements, latest.approvals),
    breadth: analyzeBreadth(latest.content.type, latest.content.scope),
  };
};

/**
 * Turns collected refusals into a result.
 * @internal
 * @example
 * orRefuse(refusals, () => E.right(outcome))
 */
export const orRefuse = <A>(
  refusals: ReadonlyArray<Refusal>,
  ok: () => A,
): E.Either<CommandRefused, A> => (refusals.length > 0 ? E.left(refused(refusals)) : E.right(ok()));
