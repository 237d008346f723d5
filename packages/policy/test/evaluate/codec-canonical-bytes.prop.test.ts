/**
 * Laws of the compiled canonical byte writers: for any value of the codec, with or without
 * undeclared members at any depth, with any strings and numbers, through a buffer of any size,
 * `compileCanonicalBytes` gives exactly the UTF-8 of `canonicalize(codec.encode(value))` and
 * `compileCanonicalValueBytes` exactly the UTF-8 of `canonicalize(value)`, and each refuses
 * what that refuses.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as t from 'io-ts';
import { canonicalize, Finding, utf8Encode } from '@warrant/core';
import { ByteSink } from '../../src/evaluate/byte-sink';
import {
  compileCanonicalBytes,
  compileCanonicalValueBytes,
} from '../../src/evaluate/codec-canonical-bytes';
import { arbitraryOf } from '../codec-arbitrary';
import { D, finding } from './fixtures';

const writeFinding = compileCanonicalBytes(Finding);

// The bytes a writer gives, through a buffer of the given size (small sizes drain it in the
// middle of members and strings), or 'refused' when it throws TypeError or answers false.
const collect = (
  write: (sink: ByteSink) => boolean | void,
  size: number,
  fresh = false,
): Uint8Array | 'refused' => {
  const chunks: number[] = [];
  const sink = new ByteSink(
    (b) => {
      chunks.push(...b);
    },
    size,
    fresh,
  );
  try {
    if (write(sink) === false) return 'refused';
  } catch (e) {
    if (e instanceof TypeError) return 'refused';
    throw e;
  }
  sink.end();
  return Uint8Array.from(chunks);
};
const bytesOf = (f: unknown, size: number): Uint8Array | 'refused' =>
  collect((sink) => writeFinding(f as Finding, sink), size);
const findingText = (f: unknown): string => {
  const b = bytesOf(f, 1 << 16);
  if (b === 'refused') throw new TypeError('refused');
  return new TextDecoder().decode(b);
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

describe('compileCanonicalBytes (text)', () => {
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
    const write = compileCanonicalBytes(C);
    fc.assert(
      fc.property(fc.array(fc.string()), fc.oneof(fc.string(), fc.integer()), (a, b) => {
        const v = { a, b, c: true } as unknown as t.TypeOf<typeof C>;
        expect(collect((sink) => write(v, sink), 64)).toEqual(utf8Encode(canonical(C.encode(v))));
      }),
    );
  });
});

describe('compileCanonicalBytes (buffers)', () => {
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

describe('compileCanonicalValueBytes', () => {
  const putFinding = compileCanonicalValueBytes(Finding);
  const valueBytes = (v: unknown, size: number, fresh = false) =>
    collect((sink) => putFinding(v as Finding, sink), size, fresh);
  // canonicalize's answer for the value itself: its UTF-8, or 'refused'.
  const oracle = (v: unknown): Uint8Array | 'refused' => {
    const c = canonicalize(v);
    return c._tag === 'Left' ? 'refused' : utf8Encode(c.right);
  };

  it('writes canonicalize(value), undeclared members and odd scalars included', () => {
    fc.assert(
      fc.property(
        arbitraryOf(Finding, { oddScalars: 8, extras: 4 }),
        SIZES,
        fc.boolean(),
        (v, n, fresh) => {
          expect(valueBytes(v, n, fresh)).toEqual(oracle(v));
        },
      ),
      { seed: 4248, numRuns: 600 },
    );
  });

  it('keeps undeclared members that encode would drop', () => {
    fc.assert(
      fc.property(findingArb, fc.array(fc.boolean(), { minLength: 1 }), (f, extras) => {
        const hostile = withExtras(f, extras);
        expect(valueBytes(hostile, 64)).toEqual(oracle(hostile));
      }),
      { seed: 4249 },
    );
  });

  it('writes what canonicalize writes for objects that are not what they seem', () => {
    const f = finding('CVE-2024-0001', 'pkg:npm/a@1.0.0', D('a'));
    const nullProto = Object.assign(Object.create(null) as object, f);
    const hidden = { ...f };
    Object.defineProperty(hidden, 'title', { value: 'not listed', enumerable: false });
    const swapped = { ...f, zz: 1 };
    Object.defineProperty(swapped, 'title', { value: 'not listed', enumerable: false });
    const inheritedOnly = Object.assign(Object.create({ title: 'inherited' }) as object, f);
    const holey: unknown[] = [{ path: 'a' }];
    holey[2] = { path: 'b' };
    class Box {
      constructor(readonly path: string) {}
    }
    for (const v of [
      nullProto,
      hidden,
      swapped,
      inheritedOnly,
      { ...f, title: undefined },
      { ...f, locations: holey },
      { ...f, locations: [new Box('a')] },
      { ...f, locations: { 0: { path: 'a' } } },
      { ...f, cvss: [{ version: '3.1', score: Number.NaN }] },
      { ...f, severity: ['high'] },
      { ...f, 10: 'index-like', 2: 'b' },
      [f],
      'text',
      undefined,
    ]) {
      expect(valueBytes(v, 64)).toEqual(oracle(v));
    }
  });

  it('sees members that Object.prototype has been given', () => {
    const f = finding('CVE-2024-0001', 'pkg:npm/a@1.0.0', D('a'));
    const proto = Object.prototype as Record<string, unknown>;
    proto['title'] = 'polluted';
    try {
      expect(valueBytes(f, 64)).toEqual(oracle(f));
      expect(new TextDecoder().decode(valueBytes(f, 64) as Uint8Array)).not.toContain('polluted');
    } finally {
      delete proto['title'];
    }
    expect(valueBytes(f, 64)).toEqual(oracle(f));
  });

  it('applies the nesting limit where the subtree is', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 997; i++) deep = [deep];
    // $.locations[0].path is at depth 2: 997 more arrays reach 1000 in total.
    const f = finding('CVE-2024-0001', 'pkg:npm/a@1.0.0', D('a'));
    const atLimit = { ...f, locations: [{ path: deep }] };
    const over = { ...f, locations: [{ path: [deep] }] };
    expect(oracle(atLimit)).not.toBe('refused');
    expect(valueBytes(atLimit, 1 << 16)).toEqual(oracle(atLimit));
    expect(oracle(over)).toBe('refused');
    expect(valueBytes(over, 1 << 16)).toBe('refused');
  });
});
