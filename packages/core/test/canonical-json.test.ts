import * as E from 'fp-ts/lib/Either.js';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalize, canonicalizeToBytes, DEFAULT_MAX_DEPTH } from '@warrant/core';

const ok = (value: unknown): string => {
  const r = canonicalize(value);
  if (E.isLeft(r)) throw new Error(`unexpected refusal: ${r.left.message}`);
  return r.right;
};
const refusal = (value: unknown, options?: { maxDepth?: number }) => {
  const r = canonicalize(value, options);
  if (E.isRight(r)) throw new Error(`unexpected success: ${r.right}`);
  return r.left;
};

describe('canonicalize: RFC 8785 output', () => {
  it('sorts members by UTF-16 code units, recursively, and keeps array order', () => {
    expect(ok({ b: 1, a: [{ d: 1, c: 2 }, 0], '': null })).toBe(
      '{"":null,"a":[{"c":2,"d":1},0],"b":1}',
    );
    // U+1F600 is D83D DE00 in UTF-16: before U+E000, although after it in code point order.
    expect(ok({ '\ue000': 1, '\u{1f600}': 2 })).toBe('{"\u{1f600}":2,"\ue000":1}');
  });

  it('orders array-index names as text, although engines list them first numerically', () => {
    expect(ok({ b: 0, 10: 1, 9: 2, 1: 3, a: 4 })).toBe('{"1":3,"10":1,"9":2,"a":4,"b":0}');
    expect(ok({ $: 1, 0: 2 })).toBe('{"$":1,"0":2}');
    expect(ok({ 4294967294: 1, 4294967295: 2, '01': 3 })).toBe(
      '{"01":3,"4294967294":1,"4294967295":2}',
    );
    // Deep inside an otherwise ordinary structure, and inside arrays.
    expect(ok({ z: [{ x: { 2: 'b', 10: 'a' } }], a: 1 })).toBe(
      '{"a":1,"z":[{"x":{"10":"a","2":"b"}}]}',
    );
  });

  it('serializes numbers as ECMAScript does (RFC 8785 section 3.2.2.3)', () => {
    expect(ok([-0, 0, 1e21, 1e20, 1e-7, 1e-6, 5e-324, 2 ** 53, 0.1 + 0.2, -1.5e300])).toBe(
      '[0,0,1e+21,100000000000000000000,1e-7,0.000001,5e-324,9007199254740992,0.30000000000000004,-1.5e+300]',
    );
  });

  it('escapes strings as RFC 8785 section 3.2.2.2 says, and nothing more', () => {
    expect(ok('\b\t\n\f\r"\\/\u0000\u001f\u007f\u2028é\u{1f600}')).toBe(
      '"\\b\\t\\n\\f\\r\\"\\\\/\\u0000\\u001f\u007f\u2028é\u{1f600}"',
    );
  });

  it('accepts null-prototype objects and keeps a "__proto__" member as data', () => {
    const bare = Object.assign(Object.create(null) as object, { b: 1, a: 2 });
    expect(ok(bare)).toBe('{"a":2,"b":1}');
    const withProto = JSON.parse('{"z":1,"__proto__":{"y":2}}') as unknown;
    expect(ok(withProto)).toBe('{"__proto__":{"y":2},"z":1}');
    expect(ok({ 10: JSON.parse('{"__proto__":1}') as unknown })).toBe('{"10":{"__proto__":1}}');
  });

  it('serializes shared (acyclic) references in full at each place', () => {
    const shared = { a: 1 };
    expect(ok([shared, { s: shared }])).toBe('[{"a":1},{"s":{"a":1}}]');
  });

  it('ignores what JSON.stringify ignores: symbol keys, non-enumerable and array extra properties', () => {
    const o: Record<string | symbol, unknown> = { a: 1, [Symbol('s')]: 2 };
    Object.defineProperty(o, 'hidden', { value: 3, enumerable: false });
    const arr = Object.assign([1], { extra: 2 });
    expect(ok([o, arr])).toBe('[{"a":1},[1]]');
  });

  it('reads each getter once and serializes what it read', () => {
    let reads = 0;
    const o = {
      get n(): number {
        reads++;
        return reads === 1 ? 1 : NaN;
      },
    };
    expect(ok(o)).toBe('{"n":1}');
    expect(reads).toBe(1);
  });

  it('encodes the text as UTF-8 in canonicalizeToBytes', () => {
    expect(canonicalizeToBytes({ é: '€' })).toEqual(
      E.right(new Uint8Array([123, 34, 0xc3, 0xa9, 34, 58, 34, 0xe2, 0x82, 0xac, 34, 125])),
    );
  });
});

describe('canonicalize: refusals', () => {
  const unsupported = 'CORE_CANONICAL_JSON_UNSUPPORTED_VALUE';
  it.each([
    ['undefined member', { a: { b: undefined } }, '$.a.b', /undefined/],
    ['undefined element', [1, undefined], '$[1]', /undefined/],
    ['top-level undefined', undefined, '$', /undefined/],
    ['function', { f: () => 1 }, '$.f', /function/],
    ['symbol', [Symbol('x')], '$[0]', /symbol/],
    ['bigint', { n: 10n }, '$.n', /bigint \(10n\)/],
    ['NaN', { a: [NaN] }, '$.a[0]', /NaN/],
    ['Infinity', Infinity, '$', /Infinity/],
    ['-Infinity', { x: -Infinity }, '$.x', /-Infinity/],
    ['lone high surrogate', { s: 'a\ud800b' }, '$.s', /U\+D800 at index 1/],
    ['lone low surrogate', ['\udc00'], '$[0]', /U\+DC00 at index 0/],
    ['reversed pair', '\ude00\ud83d', '$', /U\+DE00 at index 0/],
    ['lone surrogate in a name', { ['k\udbff']: 1 }, "$['k\\udbff']", /member name/],
    ['Date', { d: new Date(0) }, '$.d', /class Date/],
    ['Map', [new Map()], '$[0]', /class Map/],
    ['class instance', { c: new (class Finding {})() }, '$.c', /class Finding/],
    ['boxed string', { s: new String('x') }, '$.s', /class String/],
    ['typed array', new Uint8Array(2), '$', /class Uint8Array/],
    [
      'object with a non-plain prototype',
      Object.create({ inherited: 1 }) as object,
      '$',
      /prototype/,
    ],
    ['array subclass', { a: new (class Items extends Array {})() }, '$.a', /array of class Items/],
    // eslint-disable-next-line no-sparse-arrays -- the hole is the point
    ['sparse array hole', { a: [1, , 3] }, '$.a[1]', /hole/],
    ['a plain object with a toJSON method', { t: { toJSON: () => 'x' } }, '$.t.toJSON', /function/],
  ])('refuses %s with its path', (_label, value, path, message) => {
    const e = refusal(value);
    expect(e.code).toBe(unsupported);
    expect(e.path).toBe(path);
    expect(e.message).toMatch(message);
  });

  it('never calls toJSON', () => {
    let called = false;
    const date = new Date(0);
    date.toJSON = () => {
      called = true;
      return 'x';
    };
    expect(refusal({ date }).code).toBe(unsupported);
    expect(called).toBe(false);
  });

  it('reports the first refusal in canonical order (sorted names, then indices)', () => {
    expect(refusal({ b: NaN, a: [1, undefined] }).path).toBe('$.a[1]');
    expect(refusal({ b: NaN, a: [1, 2] }).path).toBe('$.b');
  });

  it('refuses cycles with the path where the value refers back', () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = { inner: [a] };
    const e = refusal({ root: a });
    expect(e.code).toBe('CORE_CANONICAL_JSON_CYCLE');
    expect(e.path).toBe('$.root.self.inner[0]');
    expect(e.message).toMatch(/refers back to \$\.root/);
    const arr: unknown[] = [];
    arr.push(arr);
    expect(refusal(arr)).toMatchObject({ code: 'CORE_CANONICAL_JSON_CYCLE', path: '$[0]' });
  });

  it('refuses nesting beyond maxDepth without exhausting the stack', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const e = refusal(deep);
    expect(e.code).toBe('CORE_CANONICAL_JSON_TOO_DEEP');
    expect(e.path).toBe(`$${'[0]'.repeat(DEFAULT_MAX_DEPTH)}`);
  });

  it('applies maxDepth exactly: containers nest at most maxDepth deep', () => {
    expect(canonicalize([[]], { maxDepth: 2 })).toEqual(E.right('[[]]'));
    expect(refusal([[[]]], { maxDepth: 2 })).toMatchObject({
      code: 'CORE_CANONICAL_JSON_TOO_DEEP',
      path: '$[0][0]',
    });
    expect(canonicalize(1, { maxDepth: 0 })).toEqual(E.right('1'));
    expect(refusal({}, { maxDepth: 0 }).code).toBe('CORE_CANONICAL_JSON_TOO_DEEP');
  });

  it('throws RangeError for a maxDepth that is not a non-negative integer', () => {
    expect(() => canonicalize(1, { maxDepth: -1 })).toThrow(RangeError);
    expect(() => canonicalize(1, { maxDepth: 1.5 })).toThrow(RangeError);
    expect(() => canonicalize(1, { maxDepth: NaN })).toThrow(RangeError);
  });
});

describe('canonicalize: tampered intrinsics', () => {
  const proto = Object.prototype as { toJSON?: unknown };
  const arrayProto = Array.prototype as { toJSON?: unknown };
  afterEach(() => {
    delete proto.toJSON;
    delete arrayProto.toJSON;
  });

  it('still emits RFC 8785 when Object.prototype or Array.prototype has a toJSON', () => {
    proto.toJSON = () => 'hijacked';
    arrayProto.toJSON = () => 'hijacked';
    expect(ok({ b: [1, { d: 2, c: 3 }], a: { 10: 1, 9: 2 } })).toBe(
      '{"a":{"10":1,"9":2},"b":[1,{"c":3,"d":2}]}',
    );
  });
});
