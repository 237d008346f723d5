import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromEpochMillis } from '@warrant/core';
import { alreadyNormal, normalizeTimestamp } from '../src/internal/timestamp';

describe('normalizeTimestamp', () => {
  it('converts offsets to UTC and truncates fractions to milliseconds', () => {
    expect(normalizeTimestamp('2023-08-10T15:47:37.25587937-05:00')).toBe(
      '2023-08-10T20:47:37.255Z',
    );
    expect(normalizeTimestamp('2024-07-09T11:38:00.115697+04:00')).toBe('2024-07-09T07:38:00.115Z');
    expect(normalizeTimestamp('2021-08-25T12:20:30.000000005Z')).toBe('2021-08-25T12:20:30Z');
    expect(normalizeTimestamp('2022-12-22T16:36:43-05:00')).toBe('2022-12-22T21:36:43Z');
    expect(normalizeTimestamp('0001-01-01T00:00:00Z')).toBe('0001-01-01T00:00:00Z');
    expect(normalizeTimestamp('2024-02-29t23:30:00.9z')).toBe('2024-02-29T23:30:00.900Z');
  });

  it('refuses what is not an RFC 3339 date-time', () => {
    for (const bad of [
      '2023-02-29T00:00:00Z',
      '2023-01-01T24:00:00Z',
      '2023-01-01T00:00:60Z',
      '2023-01-01 00:00:00Z',
      '2023-01-01T00:00:00',
      '2023-01-01T00:00:00+24:00',
      '0000-01-01T00:00:00+00:01',
      '',
    ]) {
      expect(normalizeTimestamp(bad), bad).toBeUndefined();
    }
  });

  it('is the identity on canonical timestamps (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_000 }), (ms) => {
        const ts = fromEpochMillis(ms);
        expect(normalizeTimestamp(ts)).toBe(ts);
      }),
      { seed: 4, numRuns: 500 },
    );
  });

  it('answers from the text alone only where the conversion returns the text (property)', () => {
    const digit = fc.constantFrom('0', '1', '2', '3', '5', '9');
    const piece = fc.oneof(
      {
        weight: 8,
        arbitrary: fc.array(digit, { minLength: 1, maxLength: 4 }).map((d) => d.join('')),
      },
      { weight: 1, arbitrary: fc.constantFrom('-', ':', 'T', 't', 'Z', 'z', '.', '+', ' ', 'x') },
    );
    const like = fc
      .tuple(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom('', '.000', '.001', '.5', '.120', '.999'),
        fc.constantFrom('Z', 'z', '+00:00', ''),
      )
      .map(
        ([y, mo, d, h, mi, s, f, z]) =>
          `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T` +
          `${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:${String(s).padStart(2, '0')}${f}${z}`,
      );
    const mutated = fc
      .tuple(like, fc.nat(), piece)
      .map(([t, i, p]) => t.slice(0, i % 25) + p + t.slice((i % 25) + 1));
    let fast = 0;
    fc.assert(
      fc.property(fc.oneof(like, mutated), (t) => {
        if (alreadyNormal(t)) {
          fast++;
          expect(normalizeTimestamp(t)).toBe(t);
          // The full conversion, bypassing the shortcut, agrees.
          expect(normalizeTimestamp(`${t.slice(0, -1)}+00:00`)).toBe(t);
        }
      }),
      { numRuns: 5000 },
    );
    expect(fast).toBeGreaterThan(100);
    expect(alreadyNormal('2024-02-29T00:00:00Z')).toBe(true);
    expect(alreadyNormal('2023-02-29T00:00:00Z')).toBe(false);
    expect(alreadyNormal('2023-02-28T00:00:00.000Z')).toBe(false);
    expect(alreadyNormal('0000-01-01T00:00:00Z')).toBe(false);
  });
});
