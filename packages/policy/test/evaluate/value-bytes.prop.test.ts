/**
 * Law of the generic byte writer: for any value, through a buffer of any size, it writes
 * exactly the UTF-8 of `canonicalize(value)` (member names sorted by UTF-16 code units, array
 * index names, `__proto__`, escapes, non-ASCII, numbers), and refuses what `canonicalize`
 * refuses (lone surrogates in strings and names, NaN, undefined, holes, class instances, cycles,
 * nesting beyond the limit), whatever Object.prototype holds and whatever getters do.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalize, utf8Encode } from '@warrant/core';
import { ByteSink } from '../../src/evaluate/byte-sink';
import { putJson, writeValue } from '../../src/evaluate/value-bytes';

const bytesOf = (v: unknown, size: number, depth = 0): Uint8Array | 'refused' => {
  const chunks: number[] = [];
  const sink = new ByteSink((b) => {
    chunks.push(...b);
  }, size);
  if (!writeValue((x, s) => putJson(x, s, depth), v, sink)) return 'refused';
  sink.end();
  return Uint8Array.from(chunks);
};
const oracle = (v: unknown, maxDepth?: number): Uint8Array | 'refused' => {
  const c = canonicalize(v, maxDepth === undefined ? {} : { maxDepth });
  return c._tag === 'Left' ? 'refused' : utf8Encode(c.right);
};
const SIZES = fc.constantFrom(8, 64, 1024, 1 << 16);

const key = fc.oneof(
  fc.string(),
  fc.constantFrom('__proto__', '10', '2', '0', '', 'a\uD800', '\uD83D\uDE00', 'é', 'Z', 'a'),
);
const scalar = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.maxSafeInteger(),
  fc.constantFrom(-0, 1e21, 2 ** 53, true, false, null, undefined),
);
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5, noNullPrototype: false }),
  ),
}));

describe('putJson', () => {
  it('writes canonicalize(value) for any value, refusals included', () => {
    fc.assert(
      fc.property(value, SIZES, (v, size) => {
        expect(bytesOf(v, size)).toEqual(oracle(v));
      }),
      { seed: 3, numRuns: 1000 },
    );
  });

  it('writes JSON values of every kind without refusing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), SIZES, (v, size) => {
        const b = bytesOf(v, size);
        expect(b).not.toBe('refused');
        expect(b).toEqual(oracle(v));
      }),
      { seed: 4, numRuns: 500 },
    );
  });

  it('refuses what canonicalize refuses', () => {
    const holey: unknown[] = [1];
    holey[2] = 3;
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = [cyclic];
    class Box {
      a = 1;
    }
    for (const v of [
      holey,
      cyclic,
      new Box(),
      new Date(0),
      { a: () => 1 },
      { a: Symbol('s') },
      { a: 1n },
      { [`x\uDC00`]: 1 },
      Object.setPrototypeOf([1], null) as unknown,
    ]) {
      expect(oracle(v)).toBe('refused');
      expect(bytesOf(v, 64)).toBe('refused');
    }
  });

  it('applies the nesting limit from the depth it starts at', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 1000; i++) deep = { a: deep };
    // 1000 nested objects: the innermost at depth 999, the deepest canonicalize accepts.
    expect(oracle(deep)).not.toBe('refused');
    expect(bytesOf(deep, 1024)).toEqual(oracle(deep));
    expect(bytesOf(deep, 1024, 1)).toBe('refused');
    expect(oracle([deep])).toBe('refused');
    expect(bytesOf([deep], 1024)).toBe('refused');
  });

  it('writes own members only when Object.prototype has enumerable ones', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto['polluted'] = 1;
    try {
      const v = { b: [{ c: 1 }], a: 'x' };
      expect(bytesOf(v, 64)).toEqual(oracle(v));
    } finally {
      delete proto['polluted'];
    }
  });

  it('writes a value whose getter writes another value', () => {
    const inner = { z: [1, 2], y: 'inner' };
    const v = {
      b: 1,
      get a() {
        return new TextDecoder().decode(bytesOf(inner, 64) as Uint8Array);
      },
    };
    expect(bytesOf(v, 64)).toEqual(oracle(v));
  });
});
