/**
 * Laws of verdictBytes / verdictDigest / writeVerdict: the bytes written by the compiled writer
 * are exactly the UTF-8 of `canonicalize(verdict)`, for verdicts made by `evaluate` (small and
 * larger than one 1 MiB chunk) and for any value shaped like a verdict (escapes, non-ASCII,
 * numbers, empty arrays, optional members absent or present, undeclared members), and the
 * writer refuses, with the same message, what `verdictText` refuses.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { bytesEqual, canonicalize, digestBytes, utf8Encode } from '@warrant/core';
import {
  evaluate,
  Verdict,
  verdictBytes,
  verdictDigest,
  verdictText,
  writeVerdict,
} from '@warrant/policy';
import { arbitraryOf } from './codec-arbitrary';
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

// The chunks writeVerdict hands over, and their concatenation.
const streamed = (v: Verdict): { chunks: Uint8Array[]; bytes: Uint8Array } => {
  const chunks: Uint8Array[] = [];
  writeVerdict(v, (c) => chunks.push(c));
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  chunks.reduce((at, c) => (bytes.set(c, at), at + c.length), 0);
  return { chunks, bytes };
};

// What verdictText says about a value: its text, or the TypeError's message.
const textOrError = (v: Verdict): string => {
  try {
    return verdictText(v);
  } catch (e) {
    if (e instanceof TypeError) return `refused: ${e.message}`;
    throw e;
  }
};

const bytesOrError = (f: (v: Verdict) => Uint8Array, v: Verdict): Uint8Array | string => {
  try {
    return f(v);
  } catch (e) {
    if (e instanceof TypeError) return `refused: ${e.message}`;
    throw e;
  }
};

describe('verdictBytes', () => {
  it('equals the UTF-8 of verdictText, across chunk boundaries', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1, 2047, 2048, 2049, 4097),
        fc.boolean(),
        (n, withException) => {
          const v = verdictOf(n, withException);
          const one = utf8Encode(verdictText(v));
          expect(bytesEqual(verdictBytes(v), one)).toBe(true);
          expect(bytesEqual(streamed(v).bytes, one)).toBe(true);
          expect(verdictDigest(v)).toBe(digestBytes(one));
        },
      ),
      { numRuns: 12 },
    );
  });

  it('streams a large verdict in chunks of at most 1 MiB that are never reused', () => {
    const v = verdictOf(7000, true);
    const one = utf8Encode(verdictText(v));
    const { chunks, bytes } = streamed(v);
    expect(one.length).toBeGreaterThan(1 << 20);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(1 << 20);
    expect(new Set(chunks.map((c) => c.buffer)).size).toBe(chunks.length);
    expect(bytesEqual(bytes, one)).toBe(true);
  });

  it('equals canonicalize(value) for any value shaped like a verdict', () => {
    const shapes = fc.oneof(
      arbitraryOf(Verdict, { extras: 6, wellFormed: true }),
      arbitraryOf(Verdict, { oddScalars: 40, extras: 6, wellFormed: true }),
      arbitraryOf(Verdict, { oddScalars: 40, extras: 6 }),
    );
    fc.assert(
      fc.property(shapes, (value) => {
        const v = value as Verdict;
        const text = textOrError(v);
        const c = canonicalize(v);
        expect(text.startsWith('refused: ')).toBe(c._tag === 'Left');
        const expected = text.startsWith('refused: ') ? text : utf8Encode(text);
        expect(bytesOrError(verdictBytes, v)).toEqual(expected);
        expect(bytesOrError((x) => streamed(x).bytes, v)).toEqual(expected);
        if (typeof expected !== 'string') expect(verdictDigest(v)).toBe(digestBytes(expected));
        else expect(() => verdictDigest(v)).toThrow(expected.slice('refused: '.length));
      }),
      { seed: 8785, numRuns: 150 },
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
    const message = textOrError(bad);
    expect(message).toMatch(/^refused: not a JSON verdict: undefined cannot be represented/);
    expect(bytesOrError(verdictBytes, bad)).toBe(message);
    expect(bytesOrError((x) => streamed(x).bytes, bad)).toBe(message);
    expect(() => verdictDigest(bad)).toThrow(message.slice('refused: '.length));
    const lone = { ...v, context: { env: 'prod\uDC00' } } as unknown as Verdict;
    expect(textOrError(lone)).toMatch(/^refused: not a JSON verdict: a string .*surrogate/);
    expect(bytesOrError(verdictBytes, lone)).toBe(textOrError(lone));
  });
});
