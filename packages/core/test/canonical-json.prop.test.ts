import canonicalizeReference from 'canonicalize';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { canonicalize, parseJsonStrict } from '@warrant/core';
import {
  jsonString,
  jsonValue,
  memberName,
  objectOf,
  printsUnsafeInteger,
  shuffleMembers,
  type Json,
} from './canonical-json.arbitraries';

const CODES = [
  'CORE_CANONICAL_JSON_UNSUPPORTED_VALUE',
  'CORE_CANONICAL_JSON_CYCLE',
  'CORE_CANONICAL_JSON_TOO_DEEP',
];

const text = (v: unknown): string => {
  const r = canonicalize(v);
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};

describe('canonicalize (properties)', () => {
  it('agrees with the canonicalize package on every JSON value', () => {
    fc.assert(
      fc.property(jsonValue, (v) => {
        expect(text(v)).toBe(canonicalizeReference(v));
      }),
      { numRuns: 1000 },
    );
  });

  it('does not depend on member insertion order', () => {
    fc.assert(
      fc.property(jsonValue, fc.integer(), (v, seed) => {
        let x = seed >>> 0 || 1;
        const rnd = (): number => {
          x ^= x << 13;
          x ^= x >>> 17;
          x ^= x << 5;
          return (x >>> 0) / 2 ** 32;
        };
        expect(text(shuffleMembers(v, rnd))).toBe(text(v));
      }),
    );
  });

  it('is idempotent through the strict parser: canonicalize(parse(canonicalize(x))) = canonicalize(x)', () => {
    fc.assert(
      fc.property(
        jsonValue.filter((v) => !printsUnsafeInteger(v)),
        (v) => {
          const once = text(v);
          const parsed = parseJsonStrict(once);
          expect(E.isRight(parsed)).toBe(true);
          if (E.isRight(parsed)) expect(text(parsed.right)).toBe(once);
        },
      ),
    );
  });

  it('emits JSON that JSON.parse reads back as the same value (-0 as 0)', () => {
    fc.assert(
      fc.property(jsonValue, (v) => {
        const normalized = JSON.parse(JSON.stringify(v)) as unknown;
        expect(JSON.parse(text(v))).toEqual(normalized);
      }),
    );
  });

  it('refuses any value that holds something JSON cannot, with a known code and a path', () => {
    const bad = fc.constantFrom<unknown>(
      undefined,
      NaN,
      Infinity,
      -Infinity,
      10n,
      Symbol('s'),
      () => 1,
      new Date(0),
      new Map(),
      '\ud800',
      'x\udfff',
    );
    // Put one bad value somewhere inside a good one.
    const withBad = fc
      .tuple(jsonValue, bad, fc.array(fc.oneof(memberName, fc.nat(3)), { maxLength: 4 }))
      .map(([good, b, route]) => {
        let value: unknown = b;
        for (const step of route.reverse()) {
          value =
            typeof step === 'number'
              ? [...Array<Json>(step).fill(null), value]
              : objectOf([[step, value]]);
        }
        return { good, value };
      });
    fc.assert(
      fc.property(withBad, ({ good, value }) => {
        const r = canonicalize([good, value]);
        expect(E.isLeft(r)).toBe(true);
        if (E.isLeft(r)) {
          expect(CODES).toContain(r.left.code);
          expect(r.left.path.startsWith('$[1]')).toBe(true);
        }
      }),
    );
  });

  it('refuses a member name with a lone surrogate wherever it is', () => {
    fc.assert(
      fc.property(
        jsonString,
        fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff'),
        jsonValue,
        (s, lone, v) => {
          const r = canonicalize({ ok: v, [`${s}${lone}`]: 1 });
          expect(E.isLeft(r) && r.left.code).toBe('CORE_CANONICAL_JSON_UNSUPPORTED_VALUE');
        },
      ),
    );
  });
});
