// Runs one case of conformance/governance/sweep.json: builds each exception's record from its
// commands (every one must be accepted), then runs the sweeps in order, folding the expiry events
// each sweep produced into the records before the next. Shared by the generator and the runner,
// so that what is written is what is checked.
import * as E from 'fp-ts/lib/Either.js';
import { applyExceptionEvent, type ExceptionRecord, type Timestamp } from '@warrant/core';
import { executeExceptionCommand, sweepExceptions, type GovernanceConfig } from '@warrant/policy';

/** The input of a sweep case. */
export interface SweepInput {
  /** One command sequence per exception, run from no record. */
  readonly exceptions: ReadonlyArray<ReadonlyArray<unknown>>;
  /** The sweeping actor. */
  readonly actor: { readonly id: string; readonly kind: 'human' | 'service' };
  /** Sweeps in order: the instant and the window in days. */
  readonly sweeps: ReadonlyArray<{ readonly now: string; readonly within_days: number }>;
}

/** What each sweep produced: the event drafts and the expiring list. */
export const runSweepCase = (input: SweepInput, config: GovernanceConfig): unknown[] => {
  const records: ExceptionRecord[] = input.exceptions.map((commands, i) => {
    let record: ExceptionRecord | undefined;
    for (const c of commands) {
      const r = executeExceptionCommand(record, c, config);
      if (E.isLeft(r)) throw new Error(`exceptions[${i}]: ${r.left.message}`);
      record = r.right.record;
    }
    if (record === undefined) throw new Error(`exceptions[${i}]: no commands`);
    return record;
  });
  return input.sweeps.map((sweep) => {
    const r = sweepExceptions(records, sweep.now as Timestamp, {
      actor: input.actor,
      expiringWithinDays: sweep.within_days,
    });
    for (const event of r.events) {
      const i = records.findIndex((x) => x.exception_id === event.subject);
      const next = applyExceptionEvent(records[i], event);
      if (E.isLeft(next)) throw new Error(`the fold refused a sweep event: ${next.left.message}`);
      records[i] = next.right;
    }
    return JSON.parse(JSON.stringify({ events: r.events, expiring: r.expiring })) as unknown;
  });
};
