/**
 * The exceptions of an evaluation (docs/spec/verdict-v1.md section 6.1): each event history is
 * folded with core's fold and read at `now` with `exceptionStateAt` (never a second
 * implementation of the lifecycle), its current version's scope compiled, and every exception
 * ranked by precedence.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  compileScope,
  exceptionStateAt,
  foldExceptionEvents,
  formatJsonPath,
  type CompiledScope,
  type DecodeIssue,
  type ExceptionRecord,
  type Exception,
  type ExceptionStatus,
  type Timestamp,
} from '@warrant/core';
import { comparePrecedence, precedenceKey, type PrecedenceKey } from './precedence';

// --- model -----------------------------------------------------------------

/** One exception as it stands at `now`. */
export interface ExceptionEntry {
  readonly exception_id: string;
  /** Its current version (the active one, else the latest) at `now`. */
  readonly current: Exception;
  readonly status: ExceptionStatus;
  readonly compiled: CompiledScope;
  /** Position in precedence order over all entries (0 wins). */
  readonly rank: number;
  /** Index of the history in the input, for error paths. */
  readonly input: number;
}

/** The exceptions of an evaluation: entries at `now` and every history in normal form. */
export interface ExceptionsAt {
  /** Exceptions that existed at `now`, in rank order. */
  readonly entries: ReadonlyArray<ExceptionEntry>;
  /** Every input history in normal form (section 5), with its exception id. */
  readonly histories: ReadonlyArray<{
    readonly id: string;
    readonly events: ReadonlyArray<unknown>;
  }>;
}

// --- operations ------------------------------------------------------------

/**
 * Folds every history and reads it at `now`. Histories whose first version was created after
 * `now` did not exist yet and are left out.
 * @param histories - one event list per exception, each in log order
 * @param now - the evaluation instant
 * @returns entries sorted by rank, or every problem (`$.exceptions[i]…`)
 * @see docs/spec/verdict-v1.md section 6.1
 * @example
 * exceptionsAt([[proposed, approved]], now) // right([{ exception_id, status: 'active', rank: 0, … }])
 */
export const exceptionsAt = (
  histories: ReadonlyArray<ReadonlyArray<unknown>>,
  now: Timestamp,
): E.Either<ReadonlyArray<DecodeIssue>, ExceptionsAt> => {
  const issues: DecodeIssue[] = [];
  const seen = new Map<string, number>();
  const found: Array<Omit<ExceptionEntry, 'rank'>> = [];
  const normalized: Array<{ id: string; events: ReadonlyArray<unknown> }> = [];
  histories.forEach((events, i) => {
    const folded = foldExceptionEvents(events);
    if (E.isLeft(folded)) {
      const inner = folded.left.path ?? '$';
      issues.push({
        code: folded.left.code,
        message: folded.left.message,
        path: `${formatJsonPath(['exceptions', i])}${inner.slice(1)}`,
      });
      return;
    }
    const id = folded.right.exception_id;
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      issues.push({
        code: 'POLICY_EVALUATION_INPUT_INVALID',
        message: `exception ${id} has two histories (also at $.exceptions[${earlier}]); give one history per exception`,
        path: formatJsonPath(['exceptions', i]),
      });
      return;
    }
    seen.set(id, i);
    normalized.push({ id, events: normalizeHistory(events, folded.right) });
    const state = exceptionStateAt(folded.right, now);
    if (state === undefined) return;
    found.push({
      exception_id: id,
      current: state.current,
      status: state.status,
      compiled: compileScope(state.current.scope),
      input: i,
    });
  });
  if (issues.length > 0) return E.left(issues);
  const keys = found.map((e) => precedenceKey(e.current.type, e.compiled, e.exception_id));
  const order = found.map((_, i) => i);
  order.sort((a, b) => comparePrecedence(keys[a] as PrecedenceKey, keys[b] as PrecedenceKey));
  return E.right({
    entries: order.map((i, rank): ExceptionEntry => {
      const e = found[i] as Omit<ExceptionEntry, 'rank'>;
      return {
        exception_id: e.exception_id,
        current: e.current,
        status: e.status,
        compiled: e.compiled,
        rank,
        input: e.input,
      };
    }),
    histories: normalized,
  });
};

// --- internal --------------------------------------------------------------

// Section 5: each event as { type, time, actor: { id, kind }, reason, subject, payload } with
// the proposal of a version-creating event replaced by its normalized content (sets sorted), so
// neither the order of scope sets nor log metadata (seq, hashes) changes the digest. The fold
// has already validated every event, so the members read here exist.
const normalizeHistory = (
  events: ReadonlyArray<unknown>,
  record: ExceptionRecord,
): ReadonlyArray<unknown> =>
  events.map((raw) => {
    const e = raw as {
      type: string;
      time: string;
      actor: { id: string; kind: string };
      reason: string;
      subject: string;
      payload: Record<string, unknown>;
    };
    // The decoded content is its own encoding (every codec in a proposal encodes to the value
    // it decoded, and decoding leaves out absent members), so it is used as it is.
    const payload =
      'proposal' in e.payload
        ? {
            ...e.payload,
            proposal: (
              record.versions[
                (e.payload['version'] as number) - 1
              ] as ExceptionRecord['versions'][number]
            ).content,
          }
        : e.payload;
    return {
      type: e.type,
      time: e.time,
      actor: { id: e.actor.id, kind: e.actor.kind },
      reason: e.reason,
      subject: e.subject,
      payload,
    };
  });
