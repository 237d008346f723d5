/**
 * The fold (docs/spec/exception-v1.md section 10): applies exception events, in log order, to an
 * {@link ExceptionRecord}, refusing any event the lifecycle does not allow. The record is
 * time-independent; statuses come from status.ts at an explicit instant.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Sha256Digest } from '../digest';
import type { WarrantError } from '../errors';
import { formatJsonPath, type PathSegment } from '../json-path';
import { compareTimestamps } from '../time';
import {
  decodeExceptionEvent,
  decodeExceptionEventNoting,
  type ExceptionEvent,
  type ExceptionEventError,
} from './events';
import { applyAllowedEvent } from './fold-apply';
import { transitionProblem } from './fold-rules';
import type { ReadNote } from './proposal-fast';
import type { ExceptionRecord } from './status';

export { baseFor } from './fold-rules';

// --- model -----------------------------------------------------------------

/** An event the lifecycle does not allow, out of time order, or about another exception. */
export type ExceptionTransitionError = WarrantError<
  | 'CORE_EXCEPTION_EVENT_UNEXPECTED'
  | 'CORE_EXCEPTION_EVENT_OUT_OF_ORDER'
  | 'CORE_EXCEPTION_SUBJECT_MISMATCH'
> & { readonly path: string };

/** Why the fold refused an event. */
export type ExceptionFoldError = ExceptionEventError | ExceptionTransitionError;

// --- operations ------------------------------------------------------------

/**
 * Applies one event to a record (or starts one from `exception.proposed`).
 * @param record - the record so far, or `undefined` before the first event
 * @param event - an event envelope (EventDraft or LogEvent)
 * @param index - the event's position in the input, for error paths (defaults to the count so far)
 * @returns the new record (the input is not modified), or why the event is refused
 * @see docs/spec/exception-v1.md section 10.2
 * @example
 * applyExceptionEvent(undefined, proposedDraft) // right({ exception_id, versions: [v1], … })
 */
export const applyExceptionEvent = (
  record: ExceptionRecord | undefined,
  event: unknown,
  index: number = record?.event_count ?? 0,
): E.Either<ExceptionFoldError, ExceptionRecord> => {
  return applyDecodedEvent(record, decodeExceptionEvent(event, [index]), index);
};

/**
 * {@link applyExceptionEvent} after decoding (tests fold through both decoding paths with it).
 * @param digest - the content digest of the event's proposal when the caller already knows it
 *   (it must equal `proposalDigest(e.payload.proposal)`); computed here otherwise
 * @param owned - the caller owns `record` and lets it be updated in place (see fold-apply.ts)
 * @internal
 */
export const applyDecodedEvent = (
  record: ExceptionRecord | undefined,
  decoded: E.Either<ExceptionEventError, ExceptionEvent>,
  index: number,
  digest?: Sha256Digest,
  owned = false,
): E.Either<ExceptionFoldError, ExceptionRecord> => {
  if (E.isLeft(decoded)) return decoded;
  const e = decoded.right;
  if (record !== undefined) {
    if (e.subject !== record.exception_id) {
      return fail('CORE_EXCEPTION_SUBJECT_MISMATCH', `expected subject ${record.exception_id}`, [
        index,
        'subject',
      ]);
    }
    if (compareTimestamps(e.time, record.last_time) < 0) {
      return fail(
        'CORE_EXCEPTION_EVENT_OUT_OF_ORDER',
        `expected a time no earlier than ${record.last_time}`,
        [index, 'time'],
      );
    }
  }
  const problem = transitionProblem(record, e);
  if (problem !== undefined)
    return fail('CORE_EXCEPTION_EVENT_UNEXPECTED', problem.message, [index, ...problem.path]);
  return E.right(applyAllowedEvent(record, e, digest, owned));
};

/**
 * Folds the events of one exception, in log order, into its record.
 * @param events - the exception's events (at least one; the first is `exception.proposed`)
 * @returns the record, or the first refused event with its path (`$[i]…`)
 * @see docs/spec/exception-v1.md section 10
 * @example
 * foldExceptionEvents([proposed, approved]) // right(record); exceptionStateAt(record, now) gives statuses
 */
export const foldExceptionEvents = (
  events: ReadonlyArray<unknown>,
): E.Either<ExceptionFoldError, ExceptionRecord> => {
  if (events.length === 0)
    return fail('CORE_EXCEPTION_EVENT_UNEXPECTED', 'expected at least one event', []);
  let record: ExceptionRecord | undefined;
  for (let i = 0; i < events.length; i++) {
    const r = applyExceptionEvent(record, events[i], i);
    if (E.isLeft(r)) return r;
    record = r.right;
  }
  return E.right(record as ExceptionRecord);
};

/**
 * Folds a whole log: events whose type starts with `exception.` are grouped by subject and folded;
 * other events are skipped. Errors name the position in the whole log.
 * @param events - a log's events, in log order
 * @returns one record per exception, sorted by exception id (UTF-16 code units)
 * @see docs/spec/exception-v1.md section 10.3
 * @example
 * foldExceptionLog(log.events) // right([recordA, recordB])
 */
export const foldExceptionLog = (
  events: ReadonlyArray<unknown>,
): E.Either<ExceptionFoldError, ReadonlyArray<ExceptionRecord>> => {
  const fold = new ExceptionLogFold();
  for (let i = 0; i < events.length && fold.failure === undefined; i++) fold.add(events[i], i);
  return fold.result();
};

/**
 * Supplies the content digest of an event's proposal when it can be had without serializing the
 * decoded value again (the one-pass fold hashes the proposal's span of a proven-canonical line).
 * @internal
 */
export interface ProposalDigester {
  /** The digest of the proposal of the event just added, or `undefined` to compute it. */
  proposalDigest(): Sha256Digest | undefined;
}

/**
 * The loop of {@link foldExceptionLog}, one event at a time (the one-pass fold feeds it as the
 * verifier reads): exception events grouped by subject and applied to records this fold owns
 * (updated in place until {@link ExceptionLogFold.result} hands them out); nothing is applied
 * after the first refusal.
 * @internal
 */
export class ExceptionLogFold {
  private readonly records = new Map<string, ExceptionRecord>();
  private readonly note: ReadNote = { normalized: false };
  /** The first refusal, if any. */
  failure: ExceptionFoldError | undefined;

  /**
   * Folds entry `index` of the log (skipped unless its type starts with `exception.`).
   * @param digester - asked for the proposal digest of a proposal event the fast reader took as
   *   it is (the only case where the stored text is the decoded value's canonical text)
   */
  add(event: unknown, index: number, digester?: ProposalDigester): void {
    if (this.failure !== undefined) return;
    const ev = event as { type?: unknown; subject?: unknown } | null;
    const type = typeof ev === 'object' && ev !== null ? ev.type : undefined;
    if (typeof type !== 'string' || !type.startsWith('exception.')) return;
    const subject = typeof ev?.subject === 'string' ? ev.subject : '';
    const decoded = decodeExceptionEventNoting(event, [index], this.note);
    const digest =
      digester !== undefined && !this.note.normalized && PROPOSAL_TYPES.has(type)
        ? digester.proposalDigest()
        : undefined;
    // Records are this fold's own until result() returns them: updated in place (owned).
    const r = applyDecodedEvent(this.records.get(subject), decoded, index, digest, true);
    if (E.isLeft(r)) this.failure = r.left;
    else this.records.set(subject, r.right);
  }

  /** The records sorted by exception id (UTF-16 code units), or the first refusal. */
  result(): E.Either<ExceptionFoldError, ReadonlyArray<ExceptionRecord>> {
    if (this.failure !== undefined) return E.left(this.failure);
    const ids = [...this.records.keys()].sort();
    return E.right(ids.map((id) => this.records.get(id) as ExceptionRecord));
  }
}

// --- internal --------------------------------------------------------------

const PROPOSAL_TYPES: ReadonlySet<string> = new Set([
  'exception.proposed',
  'exception.amended',
  'exception.renewed',
]);

const fail = (
  code: ExceptionTransitionError['code'],
  message: string,
  path: ReadonlyArray<PathSegment>,
): E.Either<ExceptionTransitionError, never> =>
  E.left({ code, message, path: formatJsonPath(path) });
