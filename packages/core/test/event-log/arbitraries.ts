/**
 * fast-check generators for event-log tests: drafts, sealed logs and tamperings.
 */
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import {
  emptyHead,
  fromEpochMillis,
  sealEvents,
  type EventDraft,
  type LogEvent,
  type LogId,
} from '@warrant/core';

export const LOG: LogId = 'tenant-a' as LogId;

/** Strings with any Unicode (valid surrogate pairs only: drafts must be canonicalizable). */
const text = fc.string({ unit: 'grapheme', maxLength: 12 });

export const arbTimestamp = fc
  .integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 })
  .map(fromEpochMillis);

/** Replaces integral numbers beyond ±(2^53-1), which events refuse, by 0. */
const safeNumbers = (v: unknown): unknown => {
  if (typeof v === 'number') return Number.isInteger(v) && !Number.isSafeInteger(v) ? 0 : v;
  if (Array.isArray(v)) return v.map(safeNumbers);
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      Object.defineProperty(out, k, { value: safeNumbers(x), enumerable: true, writable: true });
    }
    return out;
  }
  return v;
};

export const arbPayload: fc.Arbitrary<Record<string, unknown>> = fc
  .dictionary(text, fc.jsonValue({ maxDepth: 3, stringUnit: 'grapheme' }), { maxKeys: 5 })
  .map((p) => safeNumbers(p) as Record<string, unknown>);

export const arbDraft: fc.Arbitrary<EventDraft> = fc.record({
  type: fc.constantFrom('exception.proposed', 'exception.approved', 'exception.revoked'),
  time: arbTimestamp,
  actor: fc.record({ id: text, kind: fc.constantFrom('human' as const, 'service' as const) }),
  reason: text,
  subject: fc.constantFrom('exc-1', 'exc-2', 'exc-3'),
  payload: arbPayload,
});

/** Seals drafts into a log, failing the test if sealing refuses. */
export const seal = (drafts: ReadonlyArray<EventDraft>, logId: LogId = LOG): LogEvent[] => {
  const r = sealEvents(emptyHead(logId), drafts);
  if (E.isLeft(r)) throw new Error(`sealing failed: ${r.left.message}`);
  return [...r.right.events];
};

export const arbLog = (min = 1, max = 12): fc.Arbitrary<LogEvent[]> =>
  fc.array(arbDraft, { minLength: min, maxLength: max }).map((d) => seal(d));

/** A deep copy through JSON (what a store round trip does). */
export const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
