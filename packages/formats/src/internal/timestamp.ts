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
export const normalizeTimestamp = (text: string): Timestamp | undefined => {
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
