/**
 * Verify and fold in one pass: reads a stored JSON Lines log once, verifying every record
 * (docs/spec/event-log-v1.md section 6) and folding its exception events into records
 * (docs/spec/exception-v1.md section 10.3) as they are read, so no event is parsed or decoded
 * twice. The result is exactly that of `verifyEventLines` followed by `foldExceptionLog` over the
 * verified events; log-fold.prop.test.ts checks it on valid logs and hostile mutations of them.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js';
import type { Sha256Digest } from '../digest';
import type { LogEvent, LogId } from '../event';
import { emptyHead } from '../event-log/chain';
import { ChainVerifier, type EventSink } from '../event-log/chain-verifier';
import type { LogVerifyError, LogVerifyOptions, LogVerifyReport } from '../event-log/verify.types';
import { readExceptionEventFast } from './event-fast';
import {
  decodeExceptionEventWithCodecs,
  EXCEPTION_EVENT_SCHEMA,
  type ExceptionEvent,
} from './events';
import { applyDecodedEvent, type ExceptionFoldError } from './fold';
import type { ReadNote } from './proposal-fast';
import { proposalSpan, proposalSpanInText, spanDigest } from './proposal-span';
import type { ExceptionRecord } from './status';

// --- model -----------------------------------------------------------------

/** A verified log and the exceptions it records. */
export interface VerifiedExceptionLog {
  /** What verification established (count, head, root when asked). */
  readonly report: LogVerifyReport;
  /** One record per exception, sorted by exception id (UTF-16 code units). */
  readonly records: ReadonlyArray<ExceptionRecord>;
}

/** Options of {@link verifyAndFoldExceptionLines}: those of log verification from genesis. */
export type VerifyAndFoldOptions = Pick<
  LogVerifyOptions,
  'expectHead' | 'checkpoints' | 'root' | 'maxErrors'
>;

// --- operations ------------------------------------------------------------

/**
 * Verifies a whole log stored as JSON Lines and folds its exception events, in one pass.
 * @param logId - the log every record must belong to
 * @param bytes - the whole file, from seq 0
 * @param options - expected head, checkpoints, Merkle root, error limit (as `verifyEventLines`)
 * @returns the report and the records; or every verification problem (as `verifyEventLines`
 *   returns them); or, when the log verifies but an event is refused by the lifecycle, that one
 *   fold error (as `foldExceptionLog` returns it, its path `$[i]…` naming the line)
 * @see docs/spec/event-log-v1.md section 6
 * @see docs/spec/exception-v1.md section 10.3
 * @example
 * verifyAndFoldExceptionLines(logId, fileBytes) // right({ report: { count, head, … }, records })
 */
export const verifyAndFoldExceptionLines = (
  logId: LogId,
  bytes: Uint8Array,
  options: VerifyAndFoldOptions = {},
): E.Either<NonEmptyArray<LogVerifyError | ExceptionFoldError>, VerifiedExceptionLog> => {
  const folder = new Folder();
  const verifier = new ChainVerifier(
    logId,
    emptyHead(logId),
    options.expectHead,
    options.maxErrors ?? 100,
    undefined,
    options.checkpoints ?? [],
    options.root === true,
    true,
    folder,
  );
  verifier.pushBytes(bytes);
  const report = verifier.finish();
  if (E.isLeft(report)) return report;
  if (folder.failure !== undefined) return E.left([folder.failure]);
  const ids = [...folder.records.keys()].sort();
  const records = ids.map((id) => folder.records.get(id) as ExceptionRecord);
  return E.right({ report: report.right, records });
};

// --- internal --------------------------------------------------------------

const PROPOSAL_TYPES: ReadonlySet<string> = new Set([
  'exception.proposed',
  'exception.amended',
  'exception.renewed',
]);

/** foldExceptionLog's loop, fed by the verifier as it reads (stops folding at the first refusal). */
class Folder implements EventSink {
  readonly records = new Map<string, ExceptionRecord>();
  failure: ExceptionFoldError | undefined;
  private readonly note: ReadNote = { normalized: false };

  event(
    event: LogEvent,
    index: number,
    line: Uint8Array | undefined,
    start: number,
    end: number,
    text: string | undefined,
  ): void {
    const type = event.type;
    if (this.failure !== undefined || !type.startsWith('exception.')) return;
    const subject = event.subject;
    // decodeExceptionEvent, keeping the fast reader's note on whether it normalized a proposal.
    const fast = readExceptionEventFast(event, EXCEPTION_EVENT_SCHEMA, this.note);
    let digest: Sha256Digest | undefined;
    if (fast !== undefined && line !== undefined && !this.note.normalized) {
      if (PROPOSAL_TYPES.has(type)) {
        // An ASCII line's character offsets are its byte offsets: two native searches suffice.
        const span =
          text !== undefined && text.length === end - start
            ? proposalSpanInText(text, start)
            : proposalSpan(line, start, end);
        if (span !== undefined) digest = spanDigest(line, span);
      }
    }
    const decoded =
      fast !== undefined
        ? E.right(fast as unknown as ExceptionEvent)
        : decodeExceptionEventWithCodecs(event, [index]);
    // Records are this fold's own until it returns them: updated in place (owned).
    const r = applyDecodedEvent(this.records.get(subject), decoded, index, digest, true);
    if (E.isLeft(r)) this.failure = r.left;
    else this.records.set(subject, r.right);
  }
}
