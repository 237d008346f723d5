/**
 * Law of the key order: the packed numeric sort gives exactly the stable comparator sort of
 * the positions by key (UTF-16 code units), for finding-like keys sharing leading digits,
 * duplicates, and keys of any other form (which take the comparator path).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareCodeUnits } from '@warrant/core';
import { keyOrder } from '../../src/evaluate/key-order';

const reference = (keys: ReadonlyArray<string>): number[] =>
  keys.map((_, i) => i).sort((a, b) => compareCodeUnits(keys[a] as string, keys[b] as string));

const hex = (alphabet: string, n: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet.split('')), minLength: n, maxLength: n });
// Few distinct leading digits, so runs of equal leading digits are common.
const digestKey = fc
  .tuple(hex('0a', 3), hex('0123456789abcdef', 61))
  .map(([a, b]) => `sha256:${a}${b}`);
const oddKey = fc.oneof(
  fc.string(),
  fc.constant('sha256:'),
  hex('0123456789ABCDEF', 64).map((h) => `sha256:${h}`),
  hex('0f', 2).map((h) => `sha256:${h}`),
);

describe('keyOrder', () => {
  it('equals the stable comparator sort', () => {
    fc.assert(
      fc.property(
        fc.array(digestKey, { maxLength: 60 }),
        fc.array(oddKey, { maxLength: 2 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.constantFrom(53, 24, 12, 6, 1),
        (keys, odd, dups, bits) => {
          const all = [...keys];
          for (const d of dups) if (keys.length > 0) all.push(keys[d % keys.length] as string);
          expect(keyOrder(all, bits)).toEqual(reference(all));
          const mixed = [...all, ...odd];
          expect(keyOrder(mixed, bits)).toEqual(reference(mixed));
        },
      ),
      { seed: 4248, numRuns: 400 },
    );
  });

  it('orders nothing and one key', () => {
    expect(keyOrder([])).toEqual([]);
    expect(keyOrder([`sha256:${'0'.repeat(64)}`])).toEqual([0]);
  });
});
