// sortApprovals must order approvals exactly as their canonical texts order (the set rule of
// exception-v1 section 2.3), whatever characters ids hold and however many share an instant.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalize, type Approval, type Timestamp } from '@warrant/core';
import * as E from 'fp-ts/lib/Either.js';
import { sortApprovals } from '../../src/exception/approval-order';

const canonicalText = (a: Approval): string => {
  const c = canonicalize(a as unknown as Record<string, unknown>);
  if (E.isLeft(c)) throw new Error(c.left.message);
  return c.right;
};
const byText = (approvals: ReadonlyArray<Approval>): Approval[] =>
  [...approvals].sort((x, y) => {
    const a = canonicalText(x);
    const b = canonicalText(y);
    return a < b ? -1 : a > b ? 1 : 0;
  });

// Ids with the characters that change the canonical text (quote, backslash, control
// characters), non-ASCII, and prefixes of one another; few instants, so ties are common.
const arbId = fc
  .string({
    unit: fc.constantFrom('a', 'b', 'A', '"', '\\', '\u0001', '\u00e9', '\u{1F600}', ' ', '.'),
    minLength: 1,
    maxLength: 5,
  })
  .filter((s) => s.trim() === s);
const arbAt = fc.constantFrom(
  '2026-01-01T00:00:00Z',
  '2026-01-01T00:00:00.500Z',
  '2026-01-01T00:00:01Z',
  '2025-12-31T23:59:59.999Z',
) as fc.Arbitrary<Timestamp>;
const arbApproval = fc.record({
  id: arbId,
  role: fc.constantFrom('approver', 'security-reviewer', 'cab'),
  at: arbAt,
}) as unknown as fc.Arbitrary<Approval>;

describe('sortApprovals', () => {
  it('orders approvals as their canonical texts order (ids of any characters, ties included)', () => {
    fc.assert(
      fc.property(fc.array(arbApproval, { maxLength: 8 }), (approvals) => {
        const input = [...approvals];
        const sorted = sortApprovals(input);
        expect(sorted.map(canonicalText)).toEqual(byText(approvals).map(canonicalText));
        expect(input).toEqual(approvals); // the input is not reordered
      }),
      { seed: 20261124, numRuns: 2000 },
    );
  });

  it('orders plain ids by instant, then by id, with a prefix id first', () => {
    const t1 = '2026-01-01T00:00:00Z' as Timestamp;
    const t2 = '2026-01-01T00:00:00.500Z' as Timestamp;
    const approvals = [
      { id: 'ab', role: 'cab', at: t1 },
      { id: 'a', role: 'cab', at: t1 },
      { id: 'a', role: 'cab', at: t2 },
    ] as unknown as Approval[];
    // `Z"` (0x5a) sorts after `.` (0x2e): the instant with milliseconds comes first.
    expect(sortApprovals(approvals).map((a) => `${a.at} ${a.id}`)).toEqual([
      `${t2} a`,
      `${t1} a`,
      `${t1} ab`,
    ]);
    // The closing quote of an id takes part: `a"` sorts after `a ` (0x22 > 0x20).
    const spaced = [
      { id: 'a', role: 'cab', at: t1 },
      { id: 'a b', role: 'cab', at: t1 },
    ] as unknown as Approval[];
    expect(sortApprovals(spaced).map((a) => a.id)).toEqual(['a b', 'a']);
  });
});
