// verifyAndFoldExceptionLines against its definition: verifyEventLines, then foldExceptionLog over
// the verified events. On generated logs (several exceptions interleaved, other events mixed in),
// with hostile edits of events (re-sealed, so only the fold can object) and of the stored bytes
// (so verification objects), both give the same records or the same errors.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import {
  createExceptionLogFolder,
  encodeEventLines,
  foldExceptionLog,
  verifyAndFoldExceptionLines,
  verifyEventLines,
  type EventDraft,
  type LogEvent,
  type VerifyAndFoldOptions,
} from '@warrant/core';
import { LOG, seal } from '../event-log/arbitraries';
import { arbRun, build } from './lifecycle-gen';
import { arbMutation, clone, mutate } from './mutations';

/** The definition: verify, then fold the verified events. */
const reference = (bytes: Uint8Array, options: VerifyAndFoldOptions) => {
  const events: LogEvent[] = [];
  const verified = verifyEventLines(LOG, bytes, { ...options, onEvent: (e) => events.push(e) });
  if (E.isLeft(verified)) return verified;
  const records = foldExceptionLog(events);
  return E.isLeft(records)
    ? E.left([records.left])
    : E.right({ report: verified.right, records: records.right });
};

const same = (a: unknown, b: unknown): void => {
  expect(a).toEqual(b);
  expect(JSON.stringify(a)).toBe(JSON.stringify(b)); // member order too
};

const OTHER: EventDraft = {
  type: 'note.added',
  time: '2026-01-01T00:00:00Z',
  actor: { id: 'bot', kind: 'service' },
  reason: '',
  subject: 'exc-0',
  payload: { text: 'not an exception event' },
} as unknown as EventDraft;

/** Several lifecycle runs, one exception each, interleaved, with other events mixed in. */
const arbDrafts = fc
  .tuple(
    fc.array(arbRun, { minLength: 1, maxLength: 3 }),
    fc.array(fc.nat(3), { maxLength: 80 }),
    fc.array(fc.record({ at: fc.nat(), m: arbMutation }), { maxLength: 2 }),
    fc.boolean(),
  )
  .map(([runs, order, edits, acceptedOnly]) => {
    // Either the events the lifecycle accepts, or every candidate (some of which it refuses).
    const queues = runs.map((intents, k) => {
      const b = build(intents);
      const drafts = acceptedOnly ? b.accepted.map((a) => a.draft) : b.drafts;
      return drafts.map((d) => ({ ...d, subject: `exc-${k}` }) as EventDraft);
    });
    const out: EventDraft[] = [];
    for (const pick of order) {
      if (pick === 3) out.push(OTHER);
      else {
        const d = queues[pick % queues.length]?.shift();
        if (d !== undefined) out.push(d);
      }
    }
    for (const q of queues) out.push(...q);
    for (const { at, m } of edits) {
      const i = at % out.length;
      out[i] = mutate(clone(out[i]), m.where, m.how, m.pick) as EventDraft;
    }
    return out;
  });

/** The stored bytes of drafts, or undefined when an edit made a draft unstorable. */
const store = (drafts: ReadonlyArray<EventDraft>): Uint8Array | undefined => {
  try {
    const bytes = encodeEventLines(seal(drafts));
    return E.isRight(bytes) ? bytes.right : undefined;
  } catch {
    return undefined;
  }
};

const lineStarts = (bytes: Uint8Array): number[] => {
  const out = [0];
  for (let i = 0; i < bytes.length - 1; i++) if (bytes[i] === 0x0a) out.push(i + 1);
  return out;
};

/** Edits of the stored bytes: a byte changed, a line dropped, repeated or moved, a torn tail. */
const tamper = (bytes: Uint8Array, how: number, at: number, value: number): Uint8Array => {
  const starts = lineStarts(bytes);
  const line = (k: number): Uint8Array => {
    const s = starts[k % starts.length] as number;
    return bytes.subarray(s, bytes.indexOf(0x0a, s) + 1);
  };
  const k = at % starts.length;
  const parts = starts.map((_, j) => line(j));
  switch (how % 5) {
    case 0: {
      const out = bytes.slice();
      out[at % out.length] = value % 256;
      return out;
    }
    case 1:
      parts.splice(k, 1);
      break;
    case 2:
      parts.splice(k, 0, line(k));
      break;
    case 3:
      parts.push(...parts.splice(k, 1));
      break;
    default:
      return bytes.subarray(0, Math.max(0, bytes.length - 1 - (value % 3)));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

const arbOptions: fc.Arbitrary<VerifyAndFoldOptions> = fc.oneof(
  fc.constant({}),
  fc.record({ maxErrors: fc.integer({ min: 1, max: 3 }) }),
  fc.constant({ root: true }),
);

describe('verify and fold in one pass (laws)', () => {
  it('gives what verifyEventLines then foldExceptionLog give, on valid and re-sealed edited logs', () => {
    let folded = 0;
    let refused = 0;
    fc.assert(
      fc.property(arbDrafts, arbOptions, (drafts, options) => {
        const bytes = store(drafts);
        if (bytes === undefined) return;
        const expected = reference(bytes, options);
        same(verifyAndFoldExceptionLines(LOG, bytes, options), expected);
        if (E.isRight(expected)) folded++;
        else refused++;
      }),
      { seed: 71, numRuns: 400 },
    );
    expect(folded).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(50);
  });

  it('gives the same errors on tampered bytes', () => {
    fc.assert(
      fc.property(
        arbDrafts,
        arbOptions,
        fc.array(fc.record({ how: fc.nat(), at: fc.nat(), value: fc.nat() }), {
          minLength: 1,
          maxLength: 2,
        }),
        (drafts, options, edits) => {
          let bytes = store(drafts);
          if (bytes === undefined || bytes.length === 0) return;
          for (const e of edits) bytes = tamper(bytes, e.how, e.at, e.value);
          same(verifyAndFoldExceptionLines(LOG, bytes, options), reference(bytes, options));
        },
      ),
      { seed: 72, numRuns: 400 },
    );
  });

  it('gives the same result fed in chunks (createExceptionLogFolder) as given the whole bytes', () => {
    fc.assert(
      fc.property(
        arbDrafts,
        arbOptions,
        fc.nat(),
        fc.array(fc.nat(), { maxLength: 6 }),
        (drafts, options, how, cuts) => {
          let bytes = store(drafts);
          if (bytes === undefined) return;
          if (how % 3 === 0 && bytes.length > 0) bytes = tamper(bytes, how, how >> 2, how >> 4);
          const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const folder = createExceptionLogFolder(LOG, options);
          let from = 0;
          for (const c of [...at, bytes.length]) {
            folder.pushBytes(bytes.subarray(from, c));
            from = c;
          }
          same(folder.finish(), verifyAndFoldExceptionLines(LOG, bytes, options));
        },
      ),
      { seed: 73, numRuns: 200 },
    );
  });
});
