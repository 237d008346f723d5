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
const TIMESTAMP_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?Z$/;

/** Brand of {@link Timestamp}. */
export interface TimestampBrand {
  readonly Timestamp: unique symbol;
}

/** An instant: RFC 3339 UTC, `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.sssZ`. */
export const Timestamp = t.brand(
  t.string,
  (s): s is t.Branded<string, TimestampBrand> => toEpochMillisOrNaN(s) === toEpochMillisOrNaN(s),
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

/**
 * Orders two timestamps by instant.
 * @returns negative, zero or positive
 * @example
 * compareTimestamps(a, b) < 0 // a is earlier
 */
export const compareTimestamps = (a: Timestamp, b: Timestamp): number =>
  toEpochMillis(a) - toEpochMillis(b);

/** Milliseconds in one day. */
export const DAY_MS = 86_400_000;

// --- internal --------------------------------------------------------------

// 0000-01-01T00:00:00Z: RFC 3339 has four-digit years only.
const MIN_MS = -62_167_219_200_000;

function toEpochMillisOrNaN(text: string): number {
  const m = TIMESTAMP_PATTERN.exec(text);
  if (m === null) return NaN;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const frac = m[7] === undefined ? 0 : Number(m[7]);
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return NaN;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, frac);
  // Reject dates that rolled over (e.g. February 30th).
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return NaN;
  }
  return date.getTime();
}
