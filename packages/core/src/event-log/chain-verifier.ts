/**
 * The state machine behind log verification (see verify.ts for the public entry points).
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js';
import { bytesEqual, concatBytes } from '../bytes';
import { canonicalizeToBytes } from '../canonical-json';
import { digestFromRaw, type Sha256Digest } from '../digest';
import { hashLeaf } from '../merkle';
import { LogEvent, type LogId } from '../event';
import { formatJsonPath } from '../json-path';
import { parseJsonStrict } from '../json-parse';
import {
  ACTOR_MEMBERS,
  type ChainHead,
  computeEventHash,
  emptyHead,
  EVENT_MEMBERS,
  findUnsafeInteger,
  UNSAFE_MESSAGE,
} from './chain';
import { readFastLine } from './canonical-line';
import { type CheckpointStatement, eventLeafHash } from './checkpoint';
import { PrefixRoots } from './prefix-roots';
import { toDecodeIssues, unknownMembers } from './decode-issues';
import type {
  LogVerifier,
  LogVerifyError,
  LogVerifyErrorCode,
  LogVerifyOptions,
  LogVerifyReport,
} from './verify.types';

// The strict parser returns its refusals as values; should it ever throw on some input, that
// input is still just a malformed record here (verification never throws on hostile bytes).
const parseStrict = (
  line: Uint8Array,
): E.Either<
  { readonly code: string; readonly message: string; readonly path?: string },
  unknown
> => {
  try {
    return parseJsonStrict(line);
  } catch (e) {
    const err = e as { code?: unknown; message?: unknown; path?: unknown };
    return E.left({
      code: typeof err.code === 'string' ? err.code : 'CORE_JSON_SYNTAX',
      message: typeof err.message === 'string' ? err.message : 'unparseable',
      ...(typeof err.path === 'string' ? { path: err.path } : {}),
    });
  }
};

const DECODER = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const UNREADABLE_LEAF = hashLeaf(new Uint8Array(32));
const REGION_BYTES = 16 * 1024 * 1024;

/**
 * Receives every record that decoded, in order, as {@link LogVerifyOptions.onEvent} does, plus
 * where its line is when the fast path proved the line canonical (so a consumer may read spans
 * of it as canonical text), and the line's decoded text; `line` and `text` are `undefined` otherwise.
 * @internal
 */
export interface EventSink {
  event(
    event: LogEvent,
    index: number,
    line: Uint8Array | undefined,
    start: number,
    end: number,
    text: string | undefined,
  ): void;
}

/**
 * What a {@link ChainVerifier} is given: the public options (defaults applied here), plus a sink
 * for the one-pass fold and a switch for tests.
 * @internal
 */
export interface ChainVerifierOptions extends LogVerifyOptions {
  /** Receives every record that decoded, with its line when proven canonical. */
  readonly sink?: EventSink;
  /** `false` turns the fast path off (tests check that both paths reach the same verdicts). */
  readonly fast?: boolean;
}

/** @internal */
export class ChainVerifier implements LogVerifier {
  private index = 0;
  private expectedSeq: number;
  // undefined after a record that could not be read: the next link cannot be checked.
  private prev: Sha256Digest | undefined;
  private expectedHeadSeen = false;
  private readonly errors: LogVerifyError[] = [];
  private stopped = false;
  private carry: Uint8Array[] = [];
  private consumed = 0;
  private readonly from: ChainHead;
  private readonly expectHead: { readonly size: number; readonly hash: Sha256Digest } | undefined;
  private readonly maxErrors: number;
  private readonly onEvent: ((event: LogEvent, index: number) => void) | undefined;
  private readonly sink: EventSink | undefined;
  private readonly fast: boolean;
  private readonly checkpoints: ReadonlyArray<CheckpointStatement>;
  private nextCheckpoint = 0;
  private readonly roots: PrefixRoots | undefined;

  /**
   * @throws RangeError when `from` belongs to another log, a checkpoint to another log, roots or
   *   checkpoints are asked for a suffix, or `expectHead` lies before `from`
   */
  constructor(
    private readonly logId: LogId,
    options: ChainVerifierOptions = {},
  ) {
    const from = options.from ?? emptyHead(logId);
    if (from.log_id !== logId) {
      throw new RangeError(`options.from belongs to log ${from.log_id}, not ${logId}`);
    }
    const expectHead = options.expectHead;
    this.from = from;
    this.expectHead = expectHead;
    this.maxErrors = options.maxErrors ?? 100;
    this.onEvent = options.onEvent;
    this.sink = options.sink;
    this.fast = options.fast ?? true;
    this.expectedSeq = from.size;
    this.prev = from.hash;
    this.checkpoints = [...(options.checkpoints ?? [])].sort((a, b) => a.size - b.size);
    for (const cp of this.checkpoints) {
      if (cp.log_id !== logId)
        throw new RangeError(`a checkpoint of log ${cp.log_id} was given for log ${logId}`);
    }
    if (this.checkpoints.length > 0 || options.root === true) {
      if (from.size !== 0)
        throw new RangeError('checkpoints and roots need verification from seq 0');
      this.roots = new PrefixRoots();
      this.checkCheckpoints(from.hash);
    }
    if (expectHead !== undefined && expectHead.size < from.size) {
      throw new RangeError(`expectHead.size ${expectHead.size} is before from.size ${from.size}`);
    }
    if (expectHead !== undefined && expectHead.size === from.size) {
      this.expectedHeadSeen = true;
      if (expectHead.hash !== from.hash) this.headMismatch(from.hash);
    }
  }

  pushRecords(records: ReadonlyArray<unknown>): void {
    for (const record of records) {
      if (this.stopped) return;
      this.checkValue(record);
    }
  }

  pushBytes(chunk: Uint8Array): void {
    let start = 0;
    if (this.carry.length > 0) {
      const nl = chunk.indexOf(0x0a);
      if (nl < 0) {
        this.carry.push(chunk.slice());
        return;
      }
      const line = concatBytes(...this.carry, chunk.subarray(0, nl + 1));
      this.carry = [];
      this.checkRegion(line, 0, line.length);
      start = nl + 1;
    }
    const last = chunk.lastIndexOf(0x0a);
    if (last >= start) {
      // Decode in slices of whole lines (a line feed never splits a UTF-8 sequence), small
      // enough to stay far below the engine's maximum string length.
      while (start <= last) {
        let end = last + 1;
        if (end - start > REGION_BYTES) {
          const cut = chunk.lastIndexOf(0x0a, start + REGION_BYTES);
          end = cut >= start ? cut + 1 : chunk.indexOf(0x0a, start) + 1;
        }
        this.checkRegion(chunk, start, end);
        start = end;
      }
    }
    if (start < chunk.length) this.carry.push(chunk.slice(start));
  }

  finish(): E.Either<NonEmptyArray<LogVerifyError>, LogVerifyReport> {
    const pending = this.carry.reduce((n, c) => n + c.length, 0);
    if (pending > 0 && !this.stopped) {
      this.report(
        'CORE_LOG_TORN_TAIL',
        `${pending} bytes at byte offset ${this.consumed} are not terminated by a line feed: ` +
          'a partially written record',
        [],
      );
    }
    const size = this.from.size + this.index;
    if (this.expectHead !== undefined && !this.expectedHeadSeen && !this.stopped) {
      this.report(
        'CORE_LOG_TRUNCATED',
        `the log was known to hold ${this.expectHead.size} events, it holds ${size}`,
        [],
      );
    }
    for (const cp of this.checkpoints.slice(this.nextCheckpoint)) {
      if (this.stopped) break;
      this.report(
        'CORE_LOG_TRUNCATED',
        `a checkpoint made at ${cp.time} covers ${cp.size} events, the log holds ${size}`,
        [],
      );
    }
    if (this.errors.length > 0) return E.left(this.errors as NonEmptyArray<LogVerifyError>);
    const head = { log_id: this.logId, size, hash: this.prev as Sha256Digest };
    const base = { log_id: this.logId, from: this.from.size, count: this.index, head };
    return E.right(
      this.roots === undefined ? base : { ...base, root: digestFromRaw(this.roots.root()) },
    );
  }

  // --- one record ------------------------------------------------------------

  /** Checks `bytes[start, end)`: whole lines, the last one ending with a line feed. */
  private checkRegion(bytes: Uint8Array, start: number, end: number): void {
    let text: string | undefined;
    try {
      text = DECODER.decode(bytes.subarray(start, end));
    } catch {
      text = undefined; // malformed UTF-8 somewhere: decode line by line instead
    }
    let ts = 0;
    for (let bs = start; bs < end && !this.stopped;) {
      const be = bytes.indexOf(0x0a, bs);
      let line: string | undefined;
      if (text !== undefined) {
        const te = text.indexOf('\n', ts);
        line = text.slice(ts, te);
        ts = te + 1;
      } else {
        try {
          line = DECODER.decode(bytes.subarray(bs, be));
        } catch {
          line = undefined;
        }
      }
      this.checkLine(line, bytes, bs, be);
      bs = be + 1;
    }
    this.consumed += end - start;
  }

  private checkLine(text: string | undefined, bytes: Uint8Array, start: number, end: number): void {
    if (text !== undefined && this.fast) {
      const fast = readFastLine(text, bytes, start, end, {
        logId: this.logId,
        seq: this.expectedSeq,
        prevHash: this.prev,
      });
      if (fast !== undefined) {
        const event = fast as unknown as LogEvent;
        this.onEvent?.(event, this.index);
        this.sink?.event(event, this.index, bytes, start, end, text);
        this.expectedSeq += 1;
        this.prev = event.hash;
        this.advance(event.hash);
        return;
      }
    }
    const line = bytes.subarray(start, end);
    const parsed = parseStrict(line);
    if (E.isLeft(parsed)) {
      this.report(
        'CORE_LOG_RECORD_MALFORMED',
        `not a JSON record (${parsed.left.code}): ${parsed.left.message}`,
        [],
        (parsed.left.path ?? '$').slice(1),
      );
      this.skip();
      return;
    }
    this.checkValue(parsed.right, line);
  }

  /** Decodes, hashes and links one record (`line`: its JSON Lines bytes, if it came as such). */
  private checkValue(u: unknown, line?: Uint8Array): void {
    let decoded: E.Either<unknown, LogEvent>;
    const issues = [];
    try {
      decoded = LogEvent.decode(u);
      if (E.isLeft(decoded)) issues.push(...toDecodeIssues(decoded.left as never, [this.index]));
      issues.push(...unknownMembers(u, EVENT_MEMBERS, [this.index]));
      const actor = (u as { actor?: unknown } | null)?.actor;
      issues.push(...unknownMembers(actor, ACTOR_MEMBERS, [this.index, 'actor']));
    } catch {
      this.report('CORE_LOG_RECORD_INVALID', 'the record could not be read', []);
      this.skip();
      return;
    }
    if (issues.length > 0 || E.isLeft(decoded)) {
      for (const issue of issues) {
        this.push({
          code: 'CORE_LOG_RECORD_INVALID',
          message: `expected ${issue.expected}, found ${issue.found}`,
          path: issue.path,
          index: this.index,
        });
      }
      this.skip();
      return;
    }
    const record = decoded.right;
    const unsafe = findUnsafeInteger(record.payload, [this.index, 'payload']);
    if (unsafe !== undefined) {
      this.push({
        code: 'CORE_LOG_RECORD_INVALID',
        message: UNSAFE_MESSAGE,
        path: unsafe,
        index: this.index,
      });
      this.skip();
      return;
    }
    const hash = computeEventHash(record);
    if (E.isLeft(hash)) {
      this.report('CORE_LOG_RECORD_INVALID', hash.left.message, [], hash.left.path.slice(1));
      this.skip();
      return;
    }
    if (line !== undefined) {
      const canonical = canonicalizeToBytes(record);
      if (E.isRight(canonical) && !bytesEqual(canonical.right, line)) {
        this.report(
          'CORE_LOG_RECORD_NOT_CANONICAL',
          'the line is not the RFC 8785 canonical form of its record',
          [],
        );
      }
    }
    if (hash.right !== record.hash) this.hashMismatch(record.hash);
    this.onEvent?.(record, this.index);
    this.sink?.event(record, this.index, undefined, 0, 0, undefined);
    this.link(record.log_id, record.seq, record.prev_hash, record.hash);
  }

  private link(logId: string, seq: number, prevHash: Sha256Digest, hash: Sha256Digest): void {
    if (logId !== this.logId) {
      this.report(
        'CORE_LOG_ID_MISMATCH',
        `the record belongs to log ${JSON.stringify(logId)}, not ${JSON.stringify(this.logId)}`,
        ['log_id'],
      );
    }
    if (seq !== this.expectedSeq) {
      this.report(
        'CORE_LOG_SEQ_MISMATCH',
        `expected seq ${this.expectedSeq}, found ${seq}: an event was deleted, inserted or moved`,
        ['seq'],
      );
    }
    if (this.prev !== undefined && prevHash !== this.prev) {
      const what =
        this.index === 0 && this.from.size === 0
          ? `the genesis value of log ${this.logId} (${this.prev})`
          : `the hash of the preceding event (${this.prev})`;
      this.report(
        'CORE_LOG_PREV_HASH_MISMATCH',
        `prev_hash ${prevHash} is not ${what}: an event before it was deleted, inserted, moved or rewritten`,
        ['prev_hash'],
      );
    }
    // Re-anchor on what is stored so that one tampered record yields one error, not a cascade.
    this.expectedSeq = seq + 1;
    this.prev = hash;
    this.advance(hash);
  }

  private skip(): void {
    this.expectedSeq += 1;
    this.prev = undefined;
    this.advance(undefined);
  }

  private advance(hash: Sha256Digest | undefined): void {
    this.index += 1;
    if (this.roots !== undefined) {
      // An unreadable record still occupies its leaf: its position keeps every later root honest.
      this.roots.push(hash === undefined ? UNREADABLE_LEAF : eventLeafHash(hash));
      this.checkCheckpoints(hash);
    }
    const eh = this.expectHead;
    if (eh !== undefined && this.from.size + this.index === eh.size) {
      this.expectedHeadSeen = true;
      if (hash !== eh.hash) this.headMismatch(hash);
    }
  }

  /** Compares the checkpoints whose size is the number of events read so far. */
  private checkCheckpoints(last: Sha256Digest | undefined): void {
    const size = this.from.size + this.index;
    const roots = this.roots as PrefixRoots;
    for (; this.nextCheckpoint < this.checkpoints.length; this.nextCheckpoint++) {
      const cp = this.checkpoints[this.nextCheckpoint] as CheckpointStatement;
      if (cp.size !== size) break;
      const root = digestFromRaw(roots.root());
      if (root !== cp.root || last !== cp.head) {
        this.reportAt(
          Math.max(this.index - 1, 0),
          'CORE_LOG_CHECKPOINT_MISMATCH',
          root !== cp.root
            ? `the first ${size} events have Merkle root ${root}; the checkpoint made at ${cp.time} says ${cp.root}`
            : `the event at seq ${size - 1} has hash ${last ?? 'unreadable'}; the checkpoint made at ${cp.time} says ${cp.head}`,
          [],
        );
      }
    }
  }

  // --- reporting ---------------------------------------------------------------

  private hashMismatch(stored: Sha256Digest): void {
    this.report(
      'CORE_LOG_HASH_MISMATCH',
      `the stored hash ${stored} is not the digest of the record: the record was edited`,
      ['hash'],
    );
  }

  private headMismatch(found: Sha256Digest | undefined): void {
    const eh = this.expectHead as { readonly size: number; readonly hash: Sha256Digest };
    const at = eh.size - 1 - this.from.size;
    this.reportAt(
      Math.max(at, 0),
      'CORE_LOG_HEAD_MISMATCH',
      `the event at seq ${eh.size - 1} should have hash ${eh.hash}, found ${found ?? 'an unreadable record'}`,
      [],
    );
  }

  private report(
    code: LogVerifyErrorCode,
    message: string,
    member: ReadonlyArray<string>,
    suffix = '',
  ): void {
    this.reportAt(this.index, code, message, member, suffix);
  }

  private reportAt(
    index: number,
    code: LogVerifyErrorCode,
    message: string,
    member: ReadonlyArray<string>,
    suffix = '',
  ): void {
    this.push({ code, message, path: `${formatJsonPath([index, ...member])}${suffix}`, index });
  }

  private push(error: LogVerifyError): void {
    if (this.stopped) return;
    if (this.errors.length >= this.maxErrors) {
      this.errors.push({
        code: 'CORE_LOG_TOO_MANY_ERRORS',
        message: `stopped after ${this.maxErrors} problems`,
        path: formatJsonPath([error.index]),
        index: error.index,
      });
      this.stopped = true;
      return;
    }
    this.errors.push(error);
  }
}
