/**
 * Day arithmetic for governance limits (docs/spec/governance-v1.md sections 5, 6.4 and 6.7):
 * "later than start + N days" compared as instants, so that a limit past the last representable
 * instant (9999-12-31T23:59:59.999Z) is simply never exceeded instead of failing to format.
 * @module
 */
import { DAY_MS, fromEpochMillis, toEpochMillis, type Timestamp } from '@warrant/core';

/** The last instant a `Timestamp` can name (years 0000-9999). */
export const LAST_INSTANT = '9999-12-31T23:59:59.999Z' as Timestamp;

const LAST_MS = toEpochMillis(LAST_INSTANT);

/**
 * Whether `ts` is later than `start` + `days` days (a day is 86,400 s).
 * @param ts - the instant to check
 * @param start - the start
 * @param days - whole days (at most 3650 in a governance configuration)
 * @returns true when `ts` is past the limit; false when the limit is past year 9999
 * @internal
 * @example
 * laterThanDaysAfter('2026-04-05T00:00:00.001Z', '2026-01-05T00:00:00Z', 90) // true
 */
export const laterThanDaysAfter = (ts: Timestamp, start: Timestamp, days: number): boolean =>
  toEpochMillis(ts) > toEpochMillis(start) + days * DAY_MS;

/**
 * `start` + `days` days, if that is a representable instant.
 * @param start - the start
 * @param days - whole days
 * @returns the timestamp (fraction written only when non-zero), or `undefined` past {@link LAST_INSTANT}
 * @internal
 * @example
 * daysAfter('2026-01-05T00:00:00Z', 90) // '2026-04-05T00:00:00Z'
 */
export const daysAfter = (start: Timestamp, days: number): Timestamp | undefined => {
  const ms = toEpochMillis(start) + days * DAY_MS;
  return ms > LAST_MS ? undefined : fromEpochMillis(ms);
};
