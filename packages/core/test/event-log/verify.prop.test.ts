import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import {
  emptyHead,
  encodeEventLines,
  fromEpochMillis,
  Timestamp,
  verifyEventLines,
  verifyEvents,
  type LogEvent,
  type LogVerifyError,
  type Sha256Digest,
} from '@warrant/core';
import { ChainVerifier } from '../../src/event-log/chain-verifier';
import { isTimestamp } from '../../src/event-log/canonical-line';
import { arbDraft, arbLog, copy, LOG, seal } from './arbitraries';

const lines = (es: ReadonlyArray<LogEvent>): Uint8Array =>
  E.getOrElseW(() => {
    throw new Error('encode');
  })(encodeEventLines(es));
const strict = (bytes: Uint8Array, expectHead?: { size: number; hash: Sha256Digest }) => {
  const v = new ChainVerifier(LOG, {
    ...(expectHead === undefined ? {} : { expectHead }),
    maxErrors: 1000,
    fast: false,
  });
  v.pushBytes(bytes);
  return v.finish();
};
const indices = (r: E.Either<ReadonlyArray<LogVerifyError>, unknown>): number[] =>
  E.isLeft(r) ? r.left.map((e) => e.index) : [];

const FIELDS = [
  'type',
  'time',
  'actor.id',
  'actor.kind',
  'reason',
  'subject',
  'payload',
  'seq',
  'log_id',
  'prev_hash',
  'hash',
  'schema',
] as const;
const edit = (e: LogEvent, field: (typeof FIELDS)[number]): LogEvent => {
  const x = copy(e) as unknown as Record<string, unknown> & { actor: Record<string, unknown> };
  switch (field) {
    case 'actor.id':
      x.actor.id = `${String(x.actor.id)}!`;
      break;
    case 'actor.kind':
      x.actor.kind = x.actor.kind === 'human' ? 'service' : 'human';
      break;
    case 'time':
      x.time = x.time === '2000-01-01T00:00:00Z' ? '2000-01-01T00:00:01Z' : '2000-01-01T00:00:00Z';
      break;
    case 'payload':
      x.payload = { ...(x.payload as object), 'tampered\u20ac': 1 };
      break;
    case 'seq':
      x.seq = (x.seq as number) + 1;
      break;
    case 'prev_hash':
    case 'hash': {
      const h = x[field] as string;
      x[field] = `${h.slice(0, 70)}${h.endsWith('0') ? '1' : '0'}`;
      break;
    }
    case 'log_id':
      x.log_id = 'tenant-z';
      break;
    default:
      x[field] = `${String(x[field])}x`;
  }
  return x as unknown as LogEvent;
};

describe('event log verification laws', () => {
  it('sealed logs verify, as values and as JSON Lines, on both paths', () => {
    fc.assert(
      fc.property(arbLog(0, 10), (log) => {
        const head =
          log.length === 0
            ? emptyHead(LOG)
            : { log_id: LOG, size: log.length, hash: log[log.length - 1]!.hash };
        const expected = E.right({ log_id: LOG, from: 0, count: log.length, head });
        expect(verifyEvents(LOG, copy(log))).toEqual(expected);
        expect(verifyEventLines(LOG, lines(log))).toEqual(expected);
        expect(strict(lines(log))).toEqual(expected);
      }),
    );
  });

  it('an edit of any field of any event is detected at that event', () => {
    fc.assert(
      fc.property(arbLog(1, 8), fc.nat(), fc.constantFrom(...FIELDS), (log, k, field) => {
        const i = k % log.length;
        const tampered = log.map((e, j) => (j === i ? edit(e, field) : e));
        for (const r of [
          verifyEvents(LOG, copy(tampered)),
          verifyEventLines(LOG, lines(tampered)),
        ]) {
          expect(E.isLeft(r)).toBe(true);
          expect(indices(r)[0]).toBe(i);
        }
      }),
    );
  });

  it('a deletion is detected at the position of the deleted event', () => {
    fc.assert(
      fc.property(arbLog(2, 8), fc.nat(), (log, k) => {
        const i = k % (log.length - 1); // not the last: that is truncation, tested below
        const tampered = log.filter((_, j) => j !== i);
        expect(indices(verifyEvents(LOG, tampered))[0]).toBe(i);
        expect(indices(verifyEventLines(LOG, lines(tampered)))[0]).toBe(i);
      }),
    );
  });

  it('an insertion is detected at or right after the inserted event', () => {
    fc.assert(
      fc.property(arbLog(1, 8), arbLog(1, 3), fc.nat(), fc.nat(), (log, other, k, m) => {
        const i = k % (log.length + 1);
        const intruder = other[m % other.length] as LogEvent;
        const tampered = [...log.slice(0, i), intruder, ...log.slice(i)];
        const first = indices(verifyEvents(LOG, tampered))[0];
        expect(first === i || first === i + 1).toBe(true);
        expect(indices(verifyEventLines(LOG, lines(tampered)))[0]).toBe(first);
      }),
    );
  });

  it('reordering two events is detected at the first of them', () => {
    fc.assert(
      fc.property(arbLog(2, 8), fc.nat(), fc.nat(), (log, a, b) => {
        const i = a % log.length;
        const j = b % log.length;
        fc.pre(i !== j && log[i]!.hash !== log[j]!.hash);
        const tampered = [...log];
        [tampered[i], tampered[j]] = [tampered[j] as LogEvent, tampered[i] as LogEvent];
        expect(indices(verifyEvents(LOG, tampered))[0]).toBe(Math.min(i, j));
        expect(indices(verifyEventLines(LOG, lines(tampered)))[0]).toBe(Math.min(i, j));
      }),
    );
  });

  it('truncation below a known head is detected where the log now ends', () => {
    fc.assert(
      fc.property(arbLog(1, 8), fc.nat(), (log, k) => {
        const keep = k % log.length;
        const expectHead = { size: log.length, hash: log[log.length - 1]!.hash };
        const r = verifyEventLines(LOG, lines(log.slice(0, keep)), { expectHead });
        expect(E.isLeft(r) && r.left.map((e) => [e.code, e.index])).toEqual([
          ['CORE_LOG_TRUNCATED', keep],
        ]);
      }),
    );
  });

  it('any single changed byte is detected in the line holding it, on both paths', () => {
    fc.assert(
      fc.property(arbLog(1, 6), fc.nat(), fc.integer({ min: 1, max: 255 }), (log, k, x) => {
        const bytes = lines(log);
        const at = k % bytes.length;
        const tampered = bytes.slice();
        tampered[at] = (tampered[at] as number) ^ x;
        let line = 0;
        for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
        const expectHead = { size: log.length, hash: log[log.length - 1]!.hash };
        const fast = verifyEventLines(LOG, tampered, { expectHead, maxErrors: 1000 });
        expect(E.isLeft(fast)).toBe(true);
        expect(indices(fast)[0]).toBe(line);
        expect(fast).toEqual(strict(tampered, expectHead));
      }),
    );
  });

  it('the fast path agrees with the strict path on arbitrary lines', () => {
    const arbLine = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      arbLog(1, 2).map((l) => new TextDecoder().decode(lines(l)).split('\n')[0] as string),
      fc.string({ unit: 'binary' }),
    );
    fc.assert(
      fc.property(fc.array(arbLine, { maxLength: 4 }), (ls) => {
        const bytes = new TextEncoder().encode(ls.map((l) => `${l.replace(/\n/g, '')}\n`).join(''));
        expect(verifyEventLines(LOG, bytes, { maxErrors: 1000 })).toEqual(strict(bytes));
      }),
    );
  });

  it('the fast timestamp check agrees with the codec', () => {
    const arbText = fc.oneof(
      fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }).map(fromEpochMillis),
      fc
        .tuple(
          fc.integer({ min: 0, max: 9999 }),
          fc.integer({ min: 0, max: 13 }),
          fc.integer({ min: 0, max: 32 }),
          fc.integer({ min: 0, max: 24 }),
          fc.integer({ min: 0, max: 60 }),
          fc.integer({ min: 0, max: 60 }),
          fc.option(fc.integer({ min: 0, max: 999 })),
        )
        .map(([y, mo, d, h, mi, s, ms]) => {
          const p = (n: number, w = 2) => String(n).padStart(w, '0');
          return `${p(y, 4)}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}:${p(s)}${ms === null ? '' : `.${p(ms, 3)}`}Z`;
        }),
      fc.string(),
    );
    fc.assert(
      fc.property(arbText, (s) => {
        expect(isTimestamp(s)).toBe(Timestamp.is(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('drafts that canonical JSON refuses are refused when sealing', () => {
    fc.assert(
      fc.property(arbDraft, (d) => {
        const bad = { ...d, payload: { ...d.payload, x: '\ud800' } };
        expect(() => seal([bad])).toThrow(/sealing failed/);
      }),
      { numRuns: 20 },
    );
  });
});
