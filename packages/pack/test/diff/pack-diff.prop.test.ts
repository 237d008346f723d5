import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalize, utf8Encode } from '@warrant/core';
import { diffPacks, isEmptyDiff } from '../../src/diff/pack-diff';

const STATUSES = ['open', 'excepted', 'not_affected', 'fixed'];
const finding = fc.record({
  n: fc.integer({ min: 1, max: 30 }),
  status: fc.constantFrom(...STATUSES),
  severity: fc.constantFrom('critical', 'high', 'low'),
});
const exception = fc.record({
  n: fc.integer({ min: 1, max: 10 }),
  version: fc.integer({ min: 1, max: 3 }),
  status: fc.constantFrom('active', 'expired', 'revoked', 'approved'),
});
const pack = fc.record({
  outcome: fc.constantFrom('pass', 'warn', 'fail'),
  findings: fc.uniqueArray(finding, { selector: (f) => f.n, maxLength: 8 }),
  exceptions: fc.uniqueArray(exception, { selector: (x) => `${x.n}/${x.version}`, maxLength: 6 }),
  policy: fc.constantFrom('a', 'b'),
});
type Pack = typeof pack extends fc.Arbitrary<infer P> ? P : never;
const files = (p: Pack) => {
  const key = (n: number) => `sha256:${n.toString(16).padStart(64, '0')}`;
  const lines = (xs: unknown[]) => utf8Encode(xs.map((x) => `${JSON.stringify(x)}\n`).join(''));
  return [
    {
      path: 'verdict/verdict.json',
      bytes: utf8Encode(
        JSON.stringify({
          outcome: p.outcome,
          findings: p.findings.map((f) => ({ key: key(f.n), status: f.status })),
        }),
      ),
    },
    {
      path: 'findings/findings.jsonl',
      bytes: lines(
        p.findings.map((f) => ({
          key: key(f.n),
          vulnerability: { id: `CVE-2024-${f.n}` },
          component: { name: 'c' },
          severity: { level: f.severity },
        })),
      ),
    },
    {
      path: 'exceptions/exceptions.jsonl',
      bytes: lines(
        p.exceptions.map((x) => ({
          exception_id: `exc-${x.n}`,
          version: x.version,
          status: x.status,
        })),
      ),
    },
    { path: 'policy/settings.json', bytes: utf8Encode(p.policy) },
  ];
};
const run = (a: Pack, b: Pack, reverse = false) => {
  const fa = files(a);
  const fb = files(b);
  const r = diffPacks(
    { files: reverse ? fa.reverse() : fa },
    { files: reverse ? fb.reverse() : fb },
  );
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};

describe('pack diff laws', () => {
  it('a pack compared with itself has no change', () => {
    fc.assert(
      fc.property(pack, (p) => {
        expect(isEmptyDiff(run(p, p))).toBe(true);
      }),
    );
  });

  it('swapping the packs swaps added and removed', () => {
    fc.assert(
      fc.property(pack, pack, (a, b) => {
        const d = run(a, b);
        const r = run(b, a);
        expect(r.findings.added).toEqual(d.findings.removed);
        expect(r.findings.removed).toEqual(d.findings.added);
        expect(r.exceptions.added).toEqual(d.exceptions.removed);
        expect(r.verdict.changed).toBe(d.verdict.changed);
      }),
    );
  });

  it('does not depend on file or line order, and gives canonical JSON', () => {
    fc.assert(
      fc.property(pack, pack, (a, b) => {
        const shuffled = {
          ...b,
          findings: [...b.findings].reverse(),
          exceptions: [...b.exceptions].reverse(),
        };
        expect(run(a, shuffled, true)).toEqual(run(a, b));
        expect(E.isRight(canonicalize(run(a, b)))).toBe(true);
      }),
    );
  });

  it('every finding of the newer pack is added, unchanged or changed status', () => {
    fc.assert(
      fc.property(pack, pack, (a, b) => {
        const d = run(a, b);
        const common = b.findings.filter((f) => a.findings.some((g) => g.n === f.n));
        expect(d.findings.added.length + common.length).toBe(b.findings.length);
        expect(d.findings.status_changed.length).toBe(
          common.filter((f) => a.findings.find((g) => g.n === f.n)?.status !== f.status).length,
        );
      }),
    );
  });
});
