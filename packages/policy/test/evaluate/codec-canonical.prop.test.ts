/**
 * Law of the compiled canonical writer: for any value of the codec, with or without undeclared
 * members at any depth, with any strings and numbers, it gives exactly
 * `canonicalize(codec.encode(value))`, and refuses what that refuses.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as t from 'io-ts';
import { canonicalize, Finding, utf8Encode } from '@warrant/core';
import { compileCanonical } from '../../src/evaluate/codec-canonical';
import { compileCanonicalBytes } from '../../src/evaluate/codec-canonical-bytes';
import { ByteSink } from '../../src/evaluate/digests';
import { D, finding } from './fixtures';

const findingText = compileCanonical(Finding);
const writeFinding = compileCanonicalBytes(Finding);

// The bytes the byte writer gives, through a buffer of the given size (small sizes drain it
// in the middle of members and strings), or 'refused' when it throws TypeError.
const bytesOf = (f: unknown, size: number): Uint8Array | 'refused' => {
  const chunks: number[] = [];
  const sink = new ByteSink((b) => {
    chunks.push(...b);
  }, size);
  try {
    writeFinding(f as Finding, sink);
  } catch (e) {
    if (e instanceof TypeError) return 'refused';
    throw e;
  }
  sink.end();
  return Uint8Array.from(chunks);
};
const SIZES = fc.constantFrom(8, 64, 1024, 1 << 16);

const findingArb = fc
  .record({
    v: fc.constantFrom('CVE-2024-0001', 'GHSA-2222-3333-4444'),
    p: fc.option(fc.constantFrom('pkg:npm/a@1.0.0', 'pkg:deb/debian/b@2?arch=x'), {
      nil: undefined,
    }),
    a: fc.option(fc.constantFrom(D('a'), D('b')), { nil: undefined }),
    aliases: fc.array(fc.string({ unit: 'binary' }), { maxLength: 2 }),
    title: fc.option(fc.string({ unit: 'binary' }), { nil: undefined }),
    cvss: fc.array(
      fc.record(
        {
          version: fc.constantFrom('3.1' as const, '4.0' as const),
          score: fc.double(),
          vector: fc.string({ unit: 'grapheme' }),
        },
        { requiredKeys: ['version'] },
      ),
      { maxLength: 2 },
    ),
    locations: fc.array(fc.record({ path: fc.string() }, { requiredKeys: [] }), { maxLength: 2 }),
  })
  .map((x): Finding => ({
    ...finding(x.v, x.p, x.a, 'high', x.aliases),
    cvss: x.cvss,
    locations: x.locations,
    ...(x.title === undefined ? {} : { title: x.title }),
  }));

// Adds undeclared members to some of the objects of a JSON value (never to arrays).
const withExtras = (value: unknown, extras: ReadonlyArray<boolean>, at = { i: 0 }): unknown => {
  if (Array.isArray(value)) return value.map((v) => withExtras(v, extras, at));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = withExtras(v, extras, at);
  if (extras[at.i++ % Math.max(1, extras.length)] === true) out['zz_extra'] = { any: [1, 'x'] };
  return out;
};

const canonical = (v: unknown): string => {
  const c = canonicalize(v);
  if (c._tag === 'Left') throw new Error(c.left.message);
  return c.right;
};

// The generic path's answer: the canonical text, or the refusal.
const generic = (f: unknown): string => {
  const c = canonicalize(Finding.encode(f as Finding));
  return c._tag === 'Left' ? `refused ${c.left.code}` : c.right;
};

describe('compileCanonical', () => {
  it('writes canonicalize(Finding.encode(f)) for any finding', () => {
    fc.assert(
      fc.property(findingArb, (f) => {
        const g = generic(f);
        if (g.startsWith('refused')) expect(() => findingText(f)).toThrow(TypeError);
        else expect(findingText(f)).toBe(g);
      }),
      { numRuns: 500 },
    );
  });

  it('drops undeclared members at any depth exactly as Finding.encode does', () => {
    fc.assert(
      fc.property(findingArb, fc.array(fc.boolean(), { minLength: 1 }), (f, extras) => {
        const hostile = withExtras(f, extras);
        const g = generic(hostile);
        if (g.startsWith('refused'))
          expect(() => findingText(hostile as Finding)).toThrow(TypeError);
        else {
          expect(findingText(hostile as Finding)).toBe(g);
          expect(g).not.toContain('zz_extra');
        }
      }),
    );
  });

  it('refuses what canonicalize refuses (lone surrogates, NaN, undefined members)', () => {
    const f = finding('CVE-2024-0001', 'pkg:npm/a@1.0.0', D('a'));
    const holey: unknown[] = [{ path: 'a' }];
    holey[2] = { path: 'b' };
    for (const bad of [
      { ...f, title: 'x\uD800' },
      { ...f, cvss: [{ version: '3.1', score: Number.NaN }] },
      { ...f, title: undefined },
      { ...f, locations: holey },
    ]) {
      expect(generic(bad)).toMatch(/^refused/);
      expect(() => findingText(bad as Finding)).toThrow(TypeError);
    }
  });

  it('leaves codecs it does not know to their own encode', () => {
    const Shouting = new t.Type<string, string, unknown>(
      'Shouting',
      t.string.is,
      t.string.validate,
      (s) => s.toUpperCase(),
    );
    const C = t.exact(t.type({ a: t.array(Shouting), b: t.union([t.string, t.number]) }));
    const write = compileCanonical(C);
    fc.assert(
      fc.property(fc.array(fc.string()), fc.oneof(fc.string(), fc.integer()), (a, b) => {
        const v = { a, b, c: true } as unknown as t.TypeOf<typeof C>;
        expect(write(v)).toBe(canonical(C.encode(v)));
      }),
    );
  });
});

describe('compileCanonicalBytes', () => {
  it('writes the UTF-8 of the canonical text, refusals included, whatever the buffer size', () => {
    fc.assert(
      fc.property(findingArb, fc.array(fc.boolean(), { minLength: 1 }), SIZES, (f, extras, n) => {
        for (const v of [f, withExtras(f, extras)]) {
          const g = generic(v);
          const b = bytesOf(v, n);
          if (g.startsWith('refused')) expect(b).toBe('refused');
          else expect(b).toEqual(utf8Encode(g));
        }
      }),
      { seed: 4247, numRuns: 400 },
    );
  });

  it('refuses what canonicalize refuses', () => {
    const f = finding('CVE-2024-0001', 'pkg:npm/a@1.0.0', D('a'));
    for (const bad of [
      { ...f, title: 'x\uD800' },
      { ...f, cvss: [{ version: '3.1', score: Number.POSITIVE_INFINITY }] },
      { ...f, title: undefined },
    ]) {
      expect(bytesOf(bad, 64)).toBe('refused');
    }
    expect(bytesOf({ ...f, title: 'é"\\\n\u2028😀' }, 8)).toEqual(
      utf8Encode(generic({ ...f, title: 'é"\\\n\u2028😀' })),
    );
  });
});
