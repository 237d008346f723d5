/**
 * The fast path of parseJsonStrict (JSON.parse plus checks) against the scanner alone: for every
 * text, string or bytes, the same value or the same error (code, path, position, line, column,
 * message). Texts are generated token by token so that they hit what JSON.parse does not refuse:
 * duplicate names at any depth (also spelled with escapes), escaped and raw lone surrogates,
 * escaped backslashes before `u`, unsafe integers, out-of-range numbers and deep nesting.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { parseJsonStrict, utf8Encode } from '@warrant/core';
import { countColonNames, countMemberNames, parseEngineChecked } from '../src/json-fast-parse';
import { scanStrict } from '../src/json-parse';

/** String#isWellFormed (ES2024, Node 20+), typed here because lib is ES2022. */
const isWellFormed = (s: string): boolean =>
  (s as unknown as { isWellFormed(): boolean }).isWellFormed();

/** Whether a parsed value holds a number beyond ±(2^53-1) (the scanner then decides). */
const hasUnsafeNumber = (v: unknown): boolean =>
  typeof v === 'number'
    ? !(Math.abs(v) <= Number.MAX_SAFE_INTEGER)
    : typeof v === 'object' && v !== null && Object.values(v).some(hasUnsafeNumber);

const ws = fc.constantFrom('', '', ' ', '\n', '\t', '\r\n  ');

/** One piece of a string literal's body, as written in the JSON text. */
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'B', '0', ':', ',', '{', ']', 'é', '€', ' ') },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '\\"',
      '\\\\',
      '\\/',
      '\\n',
      '\\u0061',
      '\\u003A',
      '\\\\u',
      '\\\\ud800',
      '\\ud83d\\ude00',
      '\\uD83D\\uDE00',
      '\u{1f600}',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('\\ud800', '\\udc00', '\\uDBFF', '\\ud83d\\u0061', '\\ud83dx'),
  },
  { weight: 1, arbitrary: fc.constantFrom('\ud800', '\udc00', '\\ud83d\ude00') },
);

const stringToken = fc.array(piece, { maxLength: 4 }).map((ps) => `"${ps.join('')}"`);

const numberToken = fc.oneof(
  fc.constantFrom(
    '0',
    '-0',
    '1',
    '-12',
    '1.5',
    '0.000',
    '1E+2',
    '9007199254740991',
    '-9007199254740991',
    '9007199254740992',
    '-9007199254740992',
    '18446744073709551615',
    '9007199254740993.0',
    '1e300',
    '1e308',
    '1e309',
    '-1e400',
    '1e-400',
  ),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
);

/** JSON-ish texts: valid most of the time, with the refusals JSON.parse does not make. */
const { text } = fc.letrec<{ text: string; array: string; object: string }>((tie) => ({
  text: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    stringToken,
    numberToken,
    fc.constantFrom('true', 'false', 'null'),
    tie('array'),
    tie('object'),
  ),
  array: fc
    .array(fc.tuple(ws, tie('text'), ws), { maxLength: 4 })
    .map((es) => `[${es.map(([a, v, b]) => a + v + b).join(',')}]`),
  object: fc
    .tuple(
      fc.array(fc.tuple(stringToken, ws, tie('text')), { maxLength: 4 }),
      fc.option(fc.tuple(fc.nat(), fc.boolean()), { freq: 4 }),
    )
    .map(([members, dup]) => {
      const ms = members.map(([k, w, v]) => `${k}${w}:${w}${v}`);
      if (dup !== null && members.length > 0) {
        // Repeat a name, verbatim or with its first character spelled as an escape.
        const [k, , v] = members[dup[0] % members.length] as [string, string, string];
        const c = k.charCodeAt(1);
        const again =
          dup[1] && k.length > 2 && c !== 0x5c && c < 0xd800
            ? `"\\u${c.toString(16).padStart(4, '0')}${k.slice(2)}`
            : k;
        ms.splice(dup[0] % (ms.length + 1), 0, `${again}:${v}`);
      }
      return `{${ms.join(',')}}`;
    }),
}));

/** Texts with one character inserted, removed or replaced. */
const mutated = fc
  .tuple(text, fc.nat(), fc.constantFrom('', ',', '"', '\\', '}', ':', '1'))
  .map(([t, at, c]) => {
    const i = t.length === 0 ? 0 : at % t.length;
    return at % 2 === 0 ? t.slice(0, i) + c + t.slice(i + 1) : t.slice(0, i) + c + t.slice(i);
  });

const anyText = fc.oneof(text, mutated);
const maxDepth = fc.oneof(fc.constant(1000), fc.integer({ min: 0, max: 4 }));

describe('parseJsonStrict fast path (properties)', () => {
  it('gives exactly what the scanner gives, for string input', () => {
    fc.assert(
      fc.property(anyText, ws, maxDepth, (t, pad, depth) => {
        const input = pad + t + pad;
        expect(parseJsonStrict(input, { maxDepth: depth })).toStrictEqual(
          scanStrict(input, depth, undefined),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('gives exactly what the scanner gives, for byte input', () => {
    fc.assert(
      fc.property(
        anyText.filter((t) => isWellFormed(t)),
        maxDepth,
        (t, depth) => {
          const bytes = utf8Encode(t);
          expect(parseJsonStrict(bytes, { maxDepth: depth })).toStrictEqual(
            scanStrict(t, depth, bytes),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('answers by itself for every accepted text whose numbers are within ±(2^53-1)', () => {
    fc.assert(
      fc.property(text, (t) => {
        const slow = scanStrict(t, 1000, undefined);
        const safe = E.isRight(slow) && !hasUnsafeNumber(slow.right);
        if (safe) expect(parseEngineChecked(t, 1000)).toStrictEqual(slow.right);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts member names from colons as at least the exact count', () => {
    fc.assert(
      fc.property(text, (t) => {
        if (E.isLeft(scanStrict(t, 1000, undefined))) return;
        const exact = countMemberNames(t);
        const fast = countColonNames(t);
        expect(fast).toBeGreaterThanOrEqual(exact);
        // Without colons inside strings the count is exact.
        if (t.split(':').length - 1 === exact) expect(fast).toBe(exact);
      }),
      { numRuns: 3000 },
    );
    expect(countColonNames('{"a" :1, "b"\n\t:2}')).toBe(2);
    expect(countColonNames('{"a":"b\\":c", "d":": e"}')).toBe(4);
    expect(parseEngineChecked('{"a":1, "a" :2}', 2)).toBeUndefined();
    expect(parseEngineChecked('{"a":":","a":2}', 2)).toBeUndefined();
    expect(parseEngineChecked('{"a" : ":", "b" :2}', 2)).toStrictEqual({ a: ':', b: 2 });
  });

  it('hands duplicate names, lone surrogate escapes, unsafe integers and depth to the scanner', () => {
    for (const t of [
      '{"a":1,"a":2}',
      '[{"x":{"b":[],"\\u0062":0}}]',
      '"\\ud800"',
      '"\\udc00\\ud800"',
      '"\\ud83d\\u0061"',
      '9007199254740992',
      '[1e309]',
      '[[[]]]',
    ]) {
      expect(parseEngineChecked(t, 2)).toBeUndefined();
    }
    expect(parseEngineChecked('"\\\\ud800"', 2)).toBe('\\ud800');
    expect(parseEngineChecked('{"__proto__":[1]}', 2)).toStrictEqual(
      Object.defineProperty({}, '__proto__', {
        value: [1],
        enumerable: true,
        writable: true,
        configurable: true,
      }),
    );
  });
});
