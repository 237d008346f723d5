/**
 * Law of verdictBytes / verdictDigest: the bytes written a slice at a time are exactly the
 * UTF-8 of the one-string canonical text, for verdicts small and large (arrays longer than one
 * slice, so the joins between slices are exercised).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { bytesEqual, digestBytes, utf8Encode } from '@warrant/core';
import { evaluate, verdictBytes, verdictDigest, verdictText, type Verdict } from '@warrant/policy';
import { D, finding, history, NOW, POLICY, proposal } from './evaluate/fixtures';

const verdictOf = (n: number, withException: boolean): Verdict => {
  const findings = Array.from({ length: n }, (_, i) =>
    finding(`CVE-2024-${String(i).padStart(5, '0')}`, `pkg:npm/p${i % 7}@1.0.${i % 3}`, D('a')),
  );
  const exceptions = withException
    ? [history('exc-1', proposal({ vulnerabilities: ['CVE-2024-00001'] }))]
    : [];
  const v = evaluate({ findings, exceptions, policy: POLICY, now: NOW });
  if (E.isLeft(v)) throw new Error(v.left.message);
  return v.right;
};

describe('verdictBytes', () => {
  it('equals the UTF-8 of verdictText, across slice boundaries', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1, 2047, 2048, 2049, 4097),
        fc.boolean(),
        (n, withException) => {
          const v = verdictOf(n, withException);
          const one = utf8Encode(verdictText(v));
          expect(bytesEqual(verdictBytes(v), one)).toBe(true);
          expect(verdictDigest(v)).toBe(digestBytes(one));
        },
      ),
      { numRuns: 12 },
    );
  });
  it('keeps members the codec does not declare, as verdictText does', () => {
    const v = verdictOf(3, true);
    const [first, ...rest] = v.findings;
    const odd = {
      ...v,
      findings: [{ ...first, zz_extra: { b: 1, a: [2] } }, ...rest],
    } as unknown as Verdict;
    const one = utf8Encode(verdictText(odd));
    expect(new TextDecoder().decode(one)).toContain('zz_extra');
    expect(bytesEqual(verdictBytes(odd), one)).toBe(true);
  });

  it('refuses what verdictText refuses', () => {
    const v = verdictOf(2, false);
    const [first, ...rest] = v.findings;
    const bad = {
      ...v,
      findings: [{ ...first, severity: undefined }, ...rest],
    } as unknown as Verdict;
    expect(() => verdictText(bad)).toThrow(TypeError);
    expect(() => verdictBytes(bad)).toThrow(TypeError);
  });
});
