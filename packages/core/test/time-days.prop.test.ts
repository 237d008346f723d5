// Laws of the day arithmetic behind governance durations and extensions and "expiring within N
// days": it agrees with addDays wherever start + N days is a timestamp, and is total past 9999.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  compareTimestamps,
  DAY_MS,
  daysAfter,
  fromEpochMillis,
  isLaterThanDaysAfter,
  LAST_INSTANT,
  toEpochMillis,
  type Timestamp,
} from '@warrant/core';

const LAST_MS = toEpochMillis(LAST_INSTANT);
const arbTs = fc.integer({ min: 0, max: LAST_MS }).map((ms) => fromEpochMillis(ms));
const arbDays = fc.integer({ min: 1, max: 3650 });

describe('day limits', () => {
  it('daysAfter is addDays when representable, undefined exactly past the last instant', () => {
    fc.assert(
      fc.property(arbTs, arbDays, (start, days) => {
        const fits = toEpochMillis(start) + days * DAY_MS <= LAST_MS;
        expect(daysAfter(start, days)).toBe(fits ? addDays(start, days) : undefined);
      }),
      { seed: 17, numRuns: 500 },
    );
  });

  it('isLaterThanDaysAfter compares with start + N days, and is never true past the last instant', () => {
    fc.assert(
      fc.property(arbTs, arbTs, arbDays, (ts, start, days) => {
        const limit = daysAfter(start, days);
        const expected = limit === undefined ? false : compareTimestamps(ts, limit) > 0;
        expect(isLaterThanDaysAfter(ts, start, days)).toBe(expected);
      }),
      { seed: 18, numRuns: 500 },
    );
  });

  it('the limit itself is not later; one millisecond more is', () => {
    fc.assert(
      fc.property(arbTs, arbDays, (start, days) => {
        const limit = daysAfter(start, days);
        fc.pre(limit !== undefined && limit !== LAST_INSTANT);
        const l = limit as Timestamp;
        expect(isLaterThanDaysAfter(l, start, days)).toBe(false);
        expect(isLaterThanDaysAfter(fromEpochMillis(toEpochMillis(l) + 1), start, days)).toBe(true);
      }),
      { seed: 19, numRuns: 300 },
    );
  });
});
