import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import {
  compareTimestamps,
  fromEpochMillis,
  parseTimestamp,
  Timestamp,
  toEpochMillis,
} from '@warrant/core';

// The reference: the regular expression and Date round trip time.ts used before it parsed by
// character codes (kept here as the oracle of the accepted language and of the instant).
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?Z$/;
const reference = (text: string): number => {
  const m = PATTERN.exec(text);
  if (m === null) return NaN;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as number[];
  const frac = m[7] === undefined ? 0 : Number(m[7]);
  if (mo! < 1 || mo! > 12 || d! < 1 || h! > 23 || mi! > 59 || s! > 59) return NaN;
  const date = new Date(0);
  date.setUTCFullYear(y!, mo! - 1, d);
  date.setUTCHours(h!, mi!, s!, frac);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo! - 1 || date.getUTCDate() !== d) {
    return NaN;
  }
  return date.getTime();
};

const pad = (n: number, w: number): string => String(n).padStart(w, '0');
// Near-valid timestamps: every field ranges a little past its limits.
const arbNear = fc
  .record({
    y: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(0, 1, 1600, 1900, 2000, 2100)),
    mo: fc.integer({ min: 0, max: 13 }),
    d: fc.integer({ min: 0, max: 32 }),
    h: fc.integer({ min: 0, max: 25 }),
    mi: fc.integer({ min: 0, max: 61 }),
    s: fc.integer({ min: 0, max: 61 }),
    ms: fc.option(fc.integer({ min: 0, max: 999 })),
  })
  .map(
    (r) =>
      `${pad(r.y, 4)}-${pad(r.mo, 2)}-${pad(r.d, 2)}T${pad(r.h, 2)}:${pad(r.mi, 2)}:${pad(r.s, 2)}` +
      `${r.ms === null ? '' : `.${pad(r.ms, 3)}`}Z`,
  );
// One character of a valid timestamp replaced, inserted or removed.
const arbMutated = fc
  .tuple(
    arbNear,
    fc.nat(24),
    fc.constantFrom('0', '9', '/', ':', 'T', 't', 'z', 'Z', '.', '-', ' ', '\u0660', '+', 'a'),
    fc.constantFrom('replace', 'insert', 'remove'),
  )
  .map(([s, i, c, how]) =>
    how === 'replace'
      ? s.slice(0, i) + c + s.slice(i + 1)
      : how === 'insert'
        ? s.slice(0, i) + c + s.slice(i)
        : s.slice(0, i) + s.slice(i + 1),
  );

describe('timestamps (laws)', () => {
  it('accept exactly what the regular-expression and Date reference accepts, at the same instant', () => {
    fc.assert(
      fc.property(fc.oneof(arbNear, arbMutated, fc.string({ maxLength: 26 })), (text) => {
        const expected = reference(text);
        const parsed = parseTimestamp(text);
        expect(E.isRight(parsed)).toBe(!Number.isNaN(expected));
        expect(Timestamp.is(text)).toBe(!Number.isNaN(expected));
        if (E.isRight(parsed)) expect(toEpochMillis(parsed.right)).toBe(expected);
      }),
      { seed: 31, numRuns: 5_000 },
    );
  });

  it('fromEpochMillis and toEpochMillis are inverse over years 0000-9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (ms) => {
        const ts = fromEpochMillis(ms);
        expect(toEpochMillis(ts)).toBe(ms);
        expect(reference(ts)).toBe(ms);
      }),
      { seed: 32, numRuns: 5_000 },
    );
  });

  it('compareTimestamps has the sign of the difference in instants (both shapes, mixed)', () => {
    const arbMs = fc.oneof(
      fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }),
      // Near one another, so equal instants and one-millisecond gaps occur often.
      fc.integer({ min: 1_767_225_600_000, max: 1_767_225_602_000 }),
    );
    fc.assert(
      fc.property(arbMs, arbMs, fc.boolean(), (a, b, whole) => {
        // fromEpochMillis writes seconds only when the fraction is zero; `whole` also tries the
        // 24-character spelling of whole seconds against the 20-character one.
        const ta = fromEpochMillis(a);
        const tb =
          whole && b % 1000 === 0
            ? (`${fromEpochMillis(b).slice(0, 19)}.000Z` as Timestamp)
            : fromEpochMillis(b);
        expect(Math.sign(compareTimestamps(ta, tb))).toBe(Math.sign(a - b));
        expect(Math.sign(compareTimestamps(tb, ta))).toBe(Math.sign(b - a));
      }),
      { seed: 33, numRuns: 5_000 },
    );
  });

  it('refuses the edges: leap days, hour 24, second 60, other offsets', () => {
    expect(Timestamp.is('2024-02-29T00:00:00Z')).toBe(true);
    expect(Timestamp.is('2000-02-29T00:00:00Z')).toBe(true);
    for (const bad of [
      '2023-02-29T00:00:00Z',
      '1900-02-29T00:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T00:00:60Z',
      '2026-01-01T00:00:00+00:00',
      '2026-01-01T00:00:00.1Z',
      '2026-01-01t00:00:00Z',
    ]) {
      expect(Timestamp.is(bad)).toBe(false);
    }
    expect(toEpochMillis('0000-01-01T00:00:00Z' as Timestamp)).toBe(-62_167_219_200_000);
  });
});
