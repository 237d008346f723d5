/**
 * Event-log verification: decodes every record as hostile input, recomputes every hash, checks
 * every link, and reports each problem with the position of the record at fault.
 *
 * Records come either as values (from a database driver or an in-memory store) or as JSON Lines
 * bytes (the filesystem format), whole or in chunks. Verification never throws on hostile input
 * and never stops at the first problem: after a broken link it re-anchors on what is stored, so
 * one edit yields one error instead of a cascade. See docs/spec/event-log-v1.md section 6.
 * @module
 */
import type * as E from 'fp-ts/lib/Either.js';
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js';
import type { LogId } from '../event';
import { ChainVerifier } from './chain-verifier';
import type {
  LogVerifier,
  LogVerifyError,
  LogVerifyOptions,
  LogVerifyReport,
} from './verify.types';

// --- operations ------------------------------------------------------------

/**
 * Starts an incremental verification of one log (for logs too large to hold at once).
 * @param logId - the log every record must belong to
 * @param options - suffix start, expected head, error limit
 * @returns a {@link LogVerifier}
 * @see docs/spec/event-log-v1.md section 6
 * @example
 * const v = createLogVerifier(logId);
 * for await (const chunk of stream) v.pushBytes(chunk);
 * const result = v.finish(); // right({ count, head, … }) or left([{ code, index, path, … }])
 */
export const createLogVerifier = (logId: LogId, options: LogVerifyOptions = {}): LogVerifier =>
  new ChainVerifier(logId, options);

/**
 * Verifies a log given as records (values).
 * @param logId - the log every record must belong to
 * @param records - the stored records, in storage order; each is decoded as untrusted input
 * @param options - suffix start, expected head, error limit
 * @returns the report, or every problem found (code, `index`, `path`, message)
 * @see docs/spec/event-log-v1.md section 6
 * @example
 * verifyEvents(logId, events) // right({ log_id, from: 0, count: events.length, head })
 * verifyEvents(logId, [events[1]]) // left([{ code: 'CORE_LOG_SEQ_MISMATCH', index: 0, … }, …])
 */
export const verifyEvents = (
  logId: LogId,
  records: ReadonlyArray<unknown>,
  options?: LogVerifyOptions,
): E.Either<NonEmptyArray<LogVerifyError>, LogVerifyReport> => {
  const v = createLogVerifier(logId, options);
  v.pushRecords(records);
  return v.finish();
};

/**
 * Verifies a log stored as JSON Lines: one RFC 8785 canonical record per line, each line ending
 * with a line feed (0x0A).
 * @param logId - the log every record must belong to
 * @param bytes - the whole file
 * @param options - suffix start, expected head, error limit
 * @returns the report, or every problem found; a missing final line feed is `CORE_LOG_TORN_TAIL`
 * @see docs/spec/event-log-v1.md sections 5 and 6
 * @example
 * verifyEventLines(logId, fileBytes) // right({ count, head, … })
 */
export const verifyEventLines = (
  logId: LogId,
  bytes: Uint8Array,
  options?: LogVerifyOptions,
): E.Either<NonEmptyArray<LogVerifyError>, LogVerifyReport> => {
  const v = createLogVerifier(logId, options);
  v.pushBytes(bytes);
  return v.finish();
};
