/**
 * Normalizes the RFC 3339 date-times tools write (any offset, any number of fraction digits)
 * to Warrant's single spelling: UTC, `Z`, milliseconds only when non-zero (finding-v1 section 7).
 * @module
 */
import { fromEpochMillis, type Timestamp } from '@warrant/core';

// RFC 3339 section 5.6 date-time; "T"/"Z" may be lowercase (section 5.6, NOTE).
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/**
 * Converts an RFC 3339 date-time to a UTC {@link Timestamp}, truncating (not rounding) the
 * fraction to milliseconds. Leap seconds (`:60`), impossible dates and offsets beyond ±23:59
 * are refused.
 * @returns the timestamp, or `undefined` when the text is not an RFC 3339 date-time
 */
export const normalizeTimestamp = (text: string): Timestamp | undefined =>
  alreadyNormal(text) ? (text as Timestamp) : convert(text);

// --- internal --------------------------------------------------------------

/**
 * Whether the text is already the normalized spelling (`YYYY-MM-DDTHH:MM:SSZ`, or with `.sss`
 * when not `.000`, a real date in years 0001-9999), which `convert` would return unchanged:
 * most tools write exactly that, and it is checked without a regular expression or a Date.
 */
export const alreadyNormal = (t: string): boolean => {
  const n = t.length;
  if (n !== 20 && n !== 24) return false;
  if (t.charCodeAt(n - 1) !== 0x5a || t.charCodeAt(10) !== 0x54) return false;
  if (t.charCodeAt(4) !== 0x2d || t.charCodeAt(7) !== 0x2d) return false;
  if (t.charCodeAt(13) !== 0x3a || t.charCodeAt(16) !== 0x3a) return false;
  if (n === 24 && (t.charCodeAt(19) !== 0x2e || (digits(t, 20, 3) ?? 0) === 0)) return false;
  const y = digits(t, 0, 4);
  const mo = digits(t, 5, 2);
  const d = digits(t, 8, 2);
  const h = digits(t, 11, 2);
  const mi = digits(t, 14, 2);
  const s = digits(t, 17, 2);
  if (y === undefined || mo === undefined || d === undefined) return false;
  if (h === undefined || mi === undefined || s === undefined) return false;
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (mo === 2 ? (leap ? 29 : 28) : (DAYS[mo] as number));
};

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The value of `count` ASCII digits at `from`, or undefined if any is not a digit. */
const digits = (t: string, from: number, count: number): number | undefined => {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const c = t.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) return undefined;
    v = v * 10 + c;
  }
  return v;
};

const convert = (text: string): Timestamp | undefined => {
  const m = DATE_TIME.exec(text);
  if (m === null) return undefined;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  let offsetMinutes = 0;
  if (m[8] === undefined) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return undefined;
  }
  try {
    // Local time minus the offset is UTC (RFC 3339 section 4.2).
    return fromEpochMillis(date.getTime() - offsetMinutes * 60_000);
  } catch {
    return undefined; // shifted outside years 0000-9999
  }
};
