/**
 * Time as an input. Warrant never reads the wall clock on a path that yields a digest or a
 * verdict: callers pass `now`, or a {@link Clock} at the edge of their application.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { makeError, type WarrantError } from './errors';

// --- model -----------------------------------------------------------------

// RFC 3339 in UTC only, with optional millisecond fraction: one spelling per instant keeps
// canonical bytes (and so digests) stable. Offsets other than Z are refused, not normalized.
// The accepted language is /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/ (ASCII digits)
// with a valid month, day of month (proleptic Gregorian), hour <= 23, minute and second <= 59.

/** Brand of {@link Timestamp}. */
export interface TimestampBrand {
  readonly Timestamp: unique symbol;
}

/** An instant: RFC 3339 UTC, `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.sssZ`. */
export const Timestamp = t.brand(
  t.string,
  // One parse: `x === x` is false only for NaN.
  (s): s is t.Branded<string, TimestampBrand> => !Number.isNaN(toEpochMillisOrNaN(s)),
  'Timestamp',
);
/** An instant: RFC 3339 UTC, `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.sssZ`. */
export type Timestamp = t.TypeOf<typeof Timestamp>;

/** Why a timestamp was refused. */
export type TimestampError = WarrantError<'CORE_TIMESTAMP_INVALID'>;

/** The time port: the one place a host application reads its clock. */
export interface Clock {
  /** The current instant. */
  now(): Timestamp;
}

// --- operations ------------------------------------------------------------

/**
 * Parses a timestamp strictly (UTC `Z`, valid calendar date, optional `.sss`).
 * @param text - the candidate timestamp
 * @param path - where the value came from, for the error
 * @returns the branded timestamp or `CORE_TIMESTAMP_INVALID`
 * @example
 * parseTimestamp('2026-11-24T06:00:00Z') // right(…)
 * parseTimestamp('2026-02-30T00:00:00Z') // left(…): no such date
 */
export const parseTimestamp = (text: string, path = '$'): E.Either<TimestampError, Timestamp> =>
  Number.isNaN(toEpochMillisOrNaN(text))
    ? E.left(
        makeError(
          'CORE_TIMESTAMP_INVALID',
          `expected an RFC 3339 UTC timestamp like 2026-01-31T12:00:00Z, got ${JSON.stringify(text.slice(0, 60))}`,
          path,
        ),
      )
    : E.right(text as Timestamp);

/**
 * Milliseconds since the Unix epoch of a valid timestamp.
 * @param ts - a timestamp
 * @returns epoch milliseconds
 * @example
 * toEpochMillis('1970-01-01T00:00:01Z' as Timestamp) // 1000
 */
export const toEpochMillis = (ts: Timestamp): number => toEpochMillisOrNaN(ts);

/**
 * Formats epoch milliseconds as a canonical timestamp (seconds only when the fraction is zero).
 * @param ms - epoch milliseconds, an integer
 * @returns the timestamp
 * @throws RangeError if `ms` is not a safe integer within years 0000-9999
 * @example
 * fromEpochMillis(0) // '1970-01-01T00:00:00Z'
 */
export const fromEpochMillis = (ms: number): Timestamp => {
  const d = new Date(ms);
  if (
    !Number.isSafeInteger(ms) ||
    Number.isNaN(d.getTime()) ||
    d.getUTCFullYear() > 9999 ||
    ms < MIN_MS
  ) {
    throw new RangeError(`not a representable instant: ${ms}`);
  }
  const iso = d.toISOString(); // always YYYY-MM-DDTHH:MM:SS.sssZ for years 0000-9999
  return (iso.endsWith('.000Z') ? `${iso.slice(0, 19)}Z` : iso) as Timestamp;
};

/**
 * Adds whole days to a timestamp (a day is exactly 86,400,000 ms: UTC has no DST).
 * @param ts - the start
 * @param days - days to add (may be negative)
 * @returns the shifted timestamp
 * @example
 * addDays('2026-01-01T00:00:00Z' as Timestamp, 90) // '2026-04-01T00:00:00Z'
 */
export const addDays = (ts: Timestamp, days: number): Timestamp =>
  fromEpochMillis(toEpochMillis(ts) + days * DAY_MS);

/** The last instant a {@link Timestamp} can name (years 0000-9999). */
export const LAST_INSTANT = '9999-12-31T23:59:59.999Z' as Timestamp;

/**
 * {@link addDays} for limits that may lie past year 9999: `start` + `days` days, if that is a
 * representable instant.
 * @param start - the start
 * @param days - whole days, >= 0
 * @returns the timestamp (fraction written only when non-zero), or `undefined` past
 *   {@link LAST_INSTANT}
 * @example
 * daysAfter('2026-01-05T00:00:00Z' as Timestamp, 90) // '2026-04-05T00:00:00Z'
 * daysAfter('9999-12-01T00:00:00Z' as Timestamp, 90) // undefined
 */
export const daysAfter = (start: Timestamp, days: number): Timestamp | undefined => {
  const ms = toEpochMillis(start) + days * DAY_MS;
  return ms > LAST_MS ? undefined : fromEpochMillis(ms);
};

/**
 * Whether `ts` is later than `start` + `days` days, compared as instants: defined also where
 * that limit lies past {@link LAST_INSTANT} (then no timestamp is later).
 * @param ts - the instant to check
 * @param start - the start
 * @param days - days (a day is 86,400,000 ms)
 * @returns true when `ts` is past the limit
 * @example
 * isLaterThanDaysAfter('2026-04-05T00:00:00.001Z' as Timestamp, '2026-01-05T00:00:00Z' as Timestamp, 90) // true
 */
export const isLaterThanDaysAfter = (ts: Timestamp, start: Timestamp, days: number): boolean =>
  toEpochMillis(ts) - toEpochMillis(start) > days * DAY_MS;

/**
 * Orders two timestamps by instant.
 * @param a - a valid timestamp
 * @param b - a valid timestamp
 * @returns negative, zero or positive (only the sign is meaningful)
 * @example
 * compareTimestamps(a, b) < 0 // a is earlier
 */
export const compareTimestamps = (a: Timestamp, b: Timestamp): number =>
  // Two valid timestamps of the same length have the same shape (fixed-width fields, most
  // significant first, years 0000-9999), so their code-unit order is their order in time and no
  // calendar arithmetic is needed: the fold compares two per event.
  a.length === b.length ? (a < b ? -1 : a > b ? 1 : 0) : toEpochMillis(a) - toEpochMillis(b);

/** Milliseconds in one day. */
export const DAY_MS = 86_400_000;

// --- internal --------------------------------------------------------------

// 0000-01-01T00:00:00Z: RFC 3339 has four-digit years only.
const MIN_MS = -62_167_219_200_000;
// 9999-12-31T23:59:59.999Z.
const LAST_MS = 253_402_300_799_999;

// Parsed by character codes and converted with calendar arithmetic, without a regular expression
// or a Date: every event a fold reads carries timestamps, so this is on the hot path of folding a
// log. time.prop.test.ts checks it against a Date-based reference.
function toEpochMillisOrNaN(text: string): number {
  const n = text.length;
  if (n !== 20 && n !== 24) return NaN;
  if (
    text.charCodeAt(4) !== 0x2d || // -
    text.charCodeAt(7) !== 0x2d ||
    text.charCodeAt(10) !== 0x54 || // T
    text.charCodeAt(13) !== 0x3a || // :
    text.charCodeAt(16) !== 0x3a ||
    text.charCodeAt(n - 1) !== 0x5a || // Z
    (n === 24 && text.charCodeAt(19) !== 0x2e) // .
  ) {
    return NaN;
  }
  const y = digitsAt(text, 0, 4);
  const mo = digitsAt(text, 5, 7);
  const d = digitsAt(text, 8, 10);
  const h = digitsAt(text, 11, 13);
  const mi = digitsAt(text, 14, 16);
  const s = digitsAt(text, 17, 19);
  const frac = n === 24 ? digitsAt(text, 20, 23) : 0;
  // digitsAt is -1 for a non-digit, so one comparison per field refuses those too.
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59) return NaN;
  if (s < 0 || s > 59 || frac < 0 || d > daysInMonth(y, mo)) return NaN;
  return daysFromCivil(y, mo, d) * DAY_MS + h * 3_600_000 + mi * 60_000 + s * 1000 + frac;
}

// The value of the ASCII digits text[from, to), or -1 if one of them is not a digit.
function digitsAt(text: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  if (m !== 2) return DAYS_IN_MONTH[m] as number;
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-Compatible Low-Level
// Date Algorithms", days_from_civil), exact for every year 0000-9999.
function daysFromCivil(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
