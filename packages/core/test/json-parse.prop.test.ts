import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { parseJsonStrict, utf8Encode } from '@warrant/core';

/** String#isWellFormed (ES2024, Node 20+), typed here because lib is ES2022. */
const isWellFormed = (s: string): boolean =>
  (s as unknown as { isWellFormed(): boolean }).isWellFormed();
import { jsonValue, printsUnsafeInteger } from './canonical-json.arbitraries';

const CODES = new Set([
  'CORE_JSON_SYNTAX',
  'CORE_JSON_BOM',
  'CORE_JSON_INVALID_UTF8',
  'CORE_JSON_DUPLICATE_KEY',
  'CORE_JSON_LONE_SURROGATE',
  'CORE_JSON_UNSAFE_INTEGER',
  'CORE_JSON_NUMBER_OUT_OF_RANGE',
  'CORE_JSON_TRAILING_DATA',
  'CORE_JSON_TOO_DEEP',
  'CORE_JSON_TOO_LARGE',
]);

/** Valid JSON texts without duplicates or unsafe integers, in several layouts. */
const validText = fc
  .tuple(
    jsonValue.filter((v) => !printsUnsafeInteger(v)),
    fc.constantFrom<number | string | undefined>(undefined, 0, 2, '\t'),
  )
  .map(([v, indent]) => JSON.stringify(v, null, indent));

/** Near-JSON: valid texts with one character inserted, removed or replaced. */
const mutatedText = fc
  .tuple(
    validText,
    fc.nat(),
    fc.constantFrom('', ',', '"', '[', '}', '\\', '0', '-', 'e', '\ud800', ' '),
  )
  .map(([t, at, c]) => {
    const i = t.length === 0 ? 0 : at % t.length;
    return at % 2 === 0 ? t.slice(0, i) + c + t.slice(i + 1) : t.slice(0, i) + c + t.slice(i);
  });

const checkLeft = (input: string | Uint8Array): void => {
  const r = parseJsonStrict(input);
  if (E.isRight(r)) return;
  const e = r.left;
  expect(CODES.has(e.code)).toBe(true);
  expect(e.path.startsWith('$')).toBe(true);
  expect(e.position).toBeGreaterThanOrEqual(0);
  expect(e.position).toBeLessThanOrEqual(input.length);
  expect(e.line).toBeGreaterThanOrEqual(1);
  expect(e.column).toBeGreaterThanOrEqual(1);
};

describe('parseJsonStrict (properties)', () => {
  it('agrees with JSON.parse on valid JSON without duplicate names', () => {
    fc.assert(
      fc.property(validText, (t) => {
        expect(parseJsonStrict(t)).toEqual(E.right(JSON.parse(t)));
        expect(parseJsonStrict(utf8Encode(t))).toEqual(E.right(JSON.parse(t)));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary or near-JSON text, and every Left has a known code', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), checkLeft), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme-ascii' }), checkLeft), { numRuns: 500 });
    fc.assert(fc.property(mutatedText, checkLeft), { numRuns: 1000 });
  });

  it('never throws on arbitrary bytes, and every Left has a known code', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), checkLeft), { numRuns: 1000 });
    fc.assert(
      fc.property(mutatedText, (t) => checkLeft(utf8Encode(t))),
      { numRuns: 500 },
    );
  });

  it('gives the same result for text and for its UTF-8 bytes', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          validText,
          mutatedText.filter((t) => isWellFormed(t)),
        ),
        (t) => {
          const a = parseJsonStrict(t);
          const b = parseJsonStrict(utf8Encode(t));
          if (E.isRight(a)) expect(b).toEqual(a);
          else
            expect(E.isLeft(b) && [b.left.code, b.left.path]).toEqual([a.left.code, a.left.path]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses a duplicate member name at any depth', () => {
    fc.assert(
      fc.property(validText, fc.string(), (t, name) => {
        const key = JSON.stringify(name);
        const r = parseJsonStrict(`[${t},{"x":{${key}:1,${key}:2}}]`);
        expect(E.isLeft(r) && r.left.code).toBe('CORE_JSON_DUPLICATE_KEY');
      }),
    );
  });
});
