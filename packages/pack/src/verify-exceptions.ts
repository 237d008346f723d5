/**
 * Verification of `exceptions/exceptions.jsonl` against the pack's own event-log slice (pack-v1
 * section 9 step 10): the file must be exactly what folding the verified slice gives as of the
 * manifest's `generated_at`, so a pack cannot show exception versions, statuses or approvals that
 * its signed log does not hold.
 * @see docs/spec/pack-v1.md section 9
 * @see docs/spec/exception-v1.md section 10 (the fold and the state at an instant)
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  bytesEqual,
  canonicalizeToBytes,
  exceptionStateAt,
  foldExceptionLog,
  parseJsonStrict,
  utf8Encode,
  type LogEvent,
  type Timestamp,
} from '@warrant/core';
import { compareBytes } from './archive/path';
import { packError, type PackError } from './errors';
import { PACK_PATHS } from './layout';
import type { PackManifest } from './manifest';

// --- operations ------------------------------------------------------------

/**
 * The bytes `exceptions/exceptions.jsonl` must hold for an event-log slice: every version of
 * every exception the slice folds to, as it stood at `at`, in JSON Lines (section 3.5).
 * @param events - the verified slice, in log order
 * @param at - the manifest's `generated_at`
 * @returns the file bytes, or the fold's refusal (an event the exception lifecycle does not allow)
 * @see docs/spec/pack-v1.md section 9 step 10
 * @example
 * expectedExceptionsFile(events, manifest.generated_at) // right(Uint8Array […]) ('' for no exceptions)
 */
export const expectedExceptionsFile = (
  events: ReadonlyArray<LogEvent>,
  at: Timestamp,
): E.Either<PackError, Uint8Array> => {
  const records = foldExceptionLog(events);
  if (E.isLeft(records)) {
    return E.left(
      packError(
        'PACK_EXCEPTIONS_MISMATCH',
        `the slice does not fold: ${records.left.code} at ${records.left.path}: ${records.left.message}`,
        PACK_PATHS.events,
        records.left,
      ),
    );
  }
  const lines: Uint8Array[] = [];
  for (const r of records.right) {
    for (const v of exceptionStateAt(r, at)?.versions ?? []) {
      const bytes = canonicalizeToBytes(v as never);
      // Snapshots of a fold are plain JSON data.
      if (E.isLeft(bytes)) throw new TypeError(bytes.left.message);
      lines.push(bytes.right);
    }
  }
  lines.sort(compareBytes);
  const out = new Uint8Array(lines.reduce((n, l) => n + l.length + 1, 0));
  let o = 0;
  for (const l of lines) {
    out.set(l, o);
    out[o + l.length] = 0x0a;
    o += l.length + 1;
  }
  return E.right(out);
};

/**
 * Checks the exceptions file against the fold of the verified slice.
 * @param manifest - the verified manifest (its `generated_at` is the instant)
 * @param events - the slice's records, verified against the checkpoint
 * @param file - the bytes of `exceptions/exceptions.jsonl` (checked against the manifest already)
 * @returns no failure, or `PACK_EXCEPTIONS_MISMATCH` naming the first line that differs
 * @see docs/spec/pack-v1.md section 9 step 10
 * @example
 * checkExceptionsFile(manifest, events, kept.get('exceptions/exceptions.jsonl')) // []
 */
export const checkExceptionsFile = (
  manifest: PackManifest,
  events: ReadonlyArray<LogEvent>,
  file: Uint8Array | undefined,
): PackError[] => {
  if (file === undefined) return [];
  const expected = expectedExceptionsFile(events, manifest.generated_at);
  if (E.isLeft(expected)) return [expected.left];
  if (bytesEqual(expected.right, file)) return [];
  const want = splitLines(expected.right);
  const got = splitLines(file);
  let i = 0;
  while (i < want.length && i < got.length && want[i] === got[i]) i++;
  const what =
    i < want.length
      ? `line ${i + 1} should be ${describe(want[i] as string)}`
      : `line ${i + 1} (${describe(got[i] ?? '')}) is not in the fold`;
  return [
    packError(
      'PACK_EXCEPTIONS_MISMATCH',
      `not the exception versions the event-log slice folds to as of ${manifest.generated_at} (${want.length} lines expected, ${got.length} found): ${what}`,
      PACK_PATHS.exceptions,
    ),
  ];
};

// --- internal --------------------------------------------------------------

const splitLines = (bytes: Uint8Array): string[] => {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
};

// "exception_id version N (status)" when the line is an exception, else its first characters.
const describe = (line: string): string => {
  const parsed = parseJsonStrict(utf8Encode(line));
  const v = E.isRight(parsed) ? (parsed.right as Record<string, unknown> | null) : null;
  if (v !== null && typeof v === 'object' && typeof v['exception_id'] === 'string') {
    return `${v['exception_id']} version ${String(v['version'])} (${String(v['status'])})`;
  }
  return JSON.stringify(line.slice(0, 60));
};
