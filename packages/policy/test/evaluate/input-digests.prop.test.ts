/**
 * Law of the exceptions digest: written as bytes, it is the SHA-256 of the canonical text of
 * the event lists sorted by exception id, whatever the events hold and whatever the input
 * order; an event list that is not JSON is refused as the text path refused it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalize, compareCodeUnits, digestBytes, utf8Encode } from '@warrant/core';
import { digestHistories } from '../../src/evaluate/input-digests';

type History = { id: string; events: unknown[] };

const byText = (hs: ReadonlyArray<History>): string => {
  const sorted = [...hs].sort((a, b) => compareCodeUnits(a.id, b.id));
  const c = canonicalize(sorted.map((h) => h.events));
  if (c._tag === 'Left') throw new Error(c.left.message);
  return digestBytes(utf8Encode(c.right));
};

const event = fc.record({
  type: fc.constantFrom('exception.proposed', 'exception.approved'),
  time: fc.constant('2026-01-01T00:00:00Z'),
  actor: fc.record({ id: fc.string(), kind: fc.constantFrom('human', 'service') }),
  reason: fc.string({ unit: 'grapheme' }),
  subject: fc.string(),
  payload: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })),
});
const histories = fc.uniqueArray(
  fc.record({ id: fc.string({ unit: 'grapheme' }), events: fc.array(event, { maxLength: 3 }) }),
  { selector: (h) => h.id, maxLength: 6 },
);

describe('digestHistories', () => {
  it('is the digest of the canonical text of the event lists in id order, any input order', () => {
    fc.assert(
      fc.property(
        histories.chain((hs) =>
          fc.tuple(fc.constant(hs), fc.shuffledSubarray(hs, { minLength: hs.length })),
        ),
        ([hs, shuffled]) => {
          const d = digestHistories(hs);
          expect(d).toBe(byText(hs));
          expect(digestHistories(shuffled)).toBe(d);
        },
      ),
      { seed: 5, numRuns: 300 },
    );
  });

  it('refuses an event list that is not JSON, as the text path did', () => {
    const bad = [{ id: 'a', events: [{ type: 'x', payload: { n: Number.NaN } }] }];
    expect(() => digestHistories(bad)).toThrow(/^evaluation input is not JSON: the number NaN/);
  });
});
