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
import { ChainVerifier, type EventSink } from '../event-log/chain-verifier';
import type { LogVerifyError, LogVerifyOptions, LogVerifyReport } from '../event-log/verify.types';
import { ExceptionLogFold, type ExceptionFoldError, type ProposalDigester } from './fold';
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

/** An incremental one-pass verification and fold: feed JSON Lines bytes in order, then finish once. */
export interface ExceptionLogFolder {
  /** Verifies and folds a chunk of JSON Lines bytes; a line may span chunks. */
  pushBytes(chunk: Uint8Array): void;
  /** Ends the input (a torn tail is reported) and returns what {@link verifyAndFoldExceptionLines} returns. */
  finish(): E.Either<NonEmptyArray<LogVerifyError | ExceptionFoldError>, VerifiedExceptionLog>;
}

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
  const folder = createExceptionLogFolder(logId, options);
  folder.pushBytes(bytes);
  return folder.finish();
};

/**
 * Starts an incremental {@link verifyAndFoldExceptionLines}, for files read in chunks (a line
 * may span chunks): the same result as giving all the chunks' bytes at once.
 * @param logId - the log every record must belong to
 * @param options - expected head, checkpoints, Merkle root, error limit (as `verifyEventLines`)
 * @returns an {@link ExceptionLogFolder}
 * @throws RangeError as `createLogVerifier` (a checkpoint of another log)
 * @see docs/spec/event-log-v1.md section 6
 * @see docs/spec/exception-v1.md section 10.3
 * @example
 * const folder = createExceptionLogFolder(logId);
 * for await (const chunk of stream) folder.pushBytes(chunk);
 * folder.finish() // right({ report, records }) or left([...problems])
 */
export const createExceptionLogFolder = (
  logId: LogId,
  options: VerifyAndFoldOptions = {},
): ExceptionLogFolder => {
  const fold = new ExceptionLogFold();
  const verifier = new ChainVerifier(logId, {
    ...pickOptions(options),
    sink: new LineFolder(fold),
  });
  return {
    pushBytes: (chunk) => verifier.pushBytes(chunk),
    finish: () => {
      const report = verifier.finish();
      if (E.isLeft(report)) return report;
      const records = fold.result();
      return E.isLeft(records)
        ? E.left([records.left])
        : E.right({ report: report.right, records: records.right });
    },
  };
};

// --- internal --------------------------------------------------------------

/** The verification options a one-pass fold takes (always from genesis, no callback). */
const pickOptions = (o: VerifyAndFoldOptions): VerifyAndFoldOptions => ({
  ...(o.expectHead === undefined ? {} : { expectHead: o.expectHead }),
  ...(o.checkpoints === undefined ? {} : { checkpoints: o.checkpoints }),
  ...(o.root === undefined ? {} : { root: o.root }),
  ...(o.maxErrors === undefined ? {} : { maxErrors: o.maxErrors }),
});

/**
 * Feeds the fold as the verifier reads, and finds a proposal's digest in its line when the line
 * was proven canonical (the verifier passes the line then, `undefined` otherwise).
 */
class LineFolder implements EventSink, ProposalDigester {
  private line: Uint8Array | undefined;
  private start = 0;
  private end = 0;
  private text: string | undefined;

  constructor(private readonly fold: ExceptionLogFold) {}

  event(
    event: LogEvent,
    index: number,
    line: Uint8Array | undefined,
    start: number,
    end: number,
    text: string | undefined,
  ): void {
    this.line = line;
    this.start = start;
    this.end = end;
    this.text = text;
    this.fold.add(event, index, line === undefined ? undefined : this);
  }

  proposalDigest(): Sha256Digest | undefined {
    const line = this.line as Uint8Array;
    const text = this.text;
    // An ASCII line's character offsets are its byte offsets: two native searches suffice.
    const span =
      text !== undefined && text.length === this.end - this.start
        ? proposalSpanInText(text, this.start)
        : proposalSpan(line, this.start, this.end);
    return span === undefined ? undefined : spanDigest(line, span);
  }
}
