// Laws of groupExceptionHistories: it is the grouping step of the fold (exception-v1 section
// 10.3), so every exception event lands in exactly one history, in log order, and nothing else.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupExceptionHistories } from '@warrant/storage-adapters';

interface Ev {
  readonly type: string;
  readonly subject: unknown;
  readonly i: number;
}

const TYPES = ['exception.proposed', 'exception.approved', 'note.added', 'exceptional', 'x'];
const SUBJECTS = ['exc-1', 'exc-2', 'exc-3', '', 7, null];

/** A log: envelopes with a few types and subjects (some not strings), each tagged with its index. */
const log = fc
  .array(fc.tuple(fc.constantFrom(...TYPES), fc.constantFrom(...SUBJECTS)), { maxLength: 60 })
  .map((xs) => xs.map(([type, subject], i): Ev => ({ type, subject, i })));

const isException = (e: Ev): boolean => e.type.startsWith('exception.');
const key = (e: Ev): string => (typeof e.subject === 'string' ? e.subject : '');

describe('groupExceptionHistories (laws)', () => {
  it('partitions the exception events: each once, nothing else', () => {
    fc.assert(
      fc.property(log, (events) => {
        const flat = groupExceptionHistories(events).flat();
        expect(flat.map((e) => e.i).sort((a, b) => a - b)).toEqual(
          events.filter(isException).map((e) => e.i),
        );
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('each history is one subject, in log order; histories by first event', () => {
    fc.assert(
      fc.property(log, (events) => {
        const histories = groupExceptionHistories(events);
        const firsts = histories.map((h) => (h[0] as Ev).i);
        expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
        expect(new Set(histories.map((h) => key(h[0] as Ev))).size).toBe(histories.length);
        for (const h of histories) {
          const k = key(h[0] as Ev);
          expect(h).toEqual(events.filter((e) => isException(e) && key(e) === k));
        }
      }),
      { seed: 43, numRuns: 300 },
    );
  });

  it("does not depend on how other subjects' events interleave", () => {
    fc.assert(
      fc.property(log, fc.integer(), (events, seed) => {
        // A stable shuffle that keeps each subject's own order: sort by a per-subject rank.
        const rank = (e: Ev): number => (((key(e).length + 1) * (seed | 1)) >>> 0) % 97;
        const moved = [...events].sort((a, b) => rank(a) - rank(b) || a.i - b.i);
        const bySubject = (hs: ReadonlyArray<ReadonlyArray<Ev>>) =>
          new Map(hs.map((h) => [key(h[0] as Ev), h.map((e) => e.i)]));
        expect(bySubject(groupExceptionHistories(moved))).toEqual(
          bySubject(groupExceptionHistories(events)),
        );
      }),
      { seed: 44, numRuns: 300 },
    );
  });

  it('skips values that are not objects', () => {
    const e = { type: 'exception.proposed', subject: 'exc-1' };
    expect(groupExceptionHistories([null, 3, 'exception.x', e, [e]])).toEqual([[e]]);
  });
});
