/**
 * RPM version ordering: `[epoch:]version[-release]`, the epoch compared as an integer (absent
 * is 0), then version and release with `rpmvercmp`: separators are skipped, `~` sorts before
 * everything (even the end), `^` after the end but before anything else, then maximal
 * alphabetic or numeric segments are compared (numeric > alphabetic, numbers by value, letters
 * by byte). An absent release compares as the empty string, so `1.0 < 1.0-1` (rpm's dependency
 * matcher would treat it as a wildcard instead; a range needs a total order).
 * @see https://github.com/rpm-software-management/rpm/blob/master/rpmio/rpmvercmp.c
 * @see https://rpm-software-management.github.io/rpm/manual/dependencies.html
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  compareCodeUnits,
  compareDigits,
  isDigitCode,
  isLetterCode,
  type Ordering,
  type VersionScheme,
} from './ordering';

/** A parsed RPM EVR. */
export interface RpmVersion {
  readonly epoch: string;
  readonly version: string;
  readonly release: string;
}

/**
 * Parses `[epoch:]version[-release]`: epoch digits, version and release non-empty over
 * `[A-Za-z0-9._+~^]` (the release follows the last `-`).
 * @internal
 */
export const parseRpm = (text: string): E.Either<string, RpmVersion> => {
  const colon = text.indexOf(':');
  const epoch = colon === -1 ? '0' : text.slice(0, colon);
  if (!/^[0-9]+$/.test(epoch)) return E.left('the epoch must be digits');
  const rest = text.slice(colon + 1);
  const dash = rest.lastIndexOf('-');
  const version = dash === -1 ? rest : rest.slice(0, dash);
  const release = dash === -1 ? '' : rest.slice(dash + 1);
  if (version === '') return E.left('the version is empty');
  if (dash !== -1 && release === '') return E.left('the release after "-" is empty');
  if (!EVR_CHARS.test(version)) return E.left('invalid character in the version');
  if (release !== '' && !EVR_CHARS.test(release)) return E.left('invalid character in the release');
  return E.right({ epoch, version, release });
};

/**
 * Epoch, then {@link rpmvercmp} on version, then on release.
 * @internal
 */
export const compareRpm = (a: RpmVersion, b: RpmVersion): Ordering =>
  compareDigits(a.epoch, b.epoch) ||
  rpmvercmp(a.version, b.version) ||
  rpmvercmp(a.release, b.release);

/** @internal */
export const RPM_SCHEME: VersionScheme<RpmVersion> = { parse: parseRpm, compare: compareRpm };

/**
 * rpm's `rpmvercmp` (rpm 4.15+, with `^`).
 * @internal
 */
export const rpmvercmp = (a: string, b: string): Ordering => {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (i < a.length && isSeparator(a.charCodeAt(i))) i++;
    while (j < b.length && isSeparator(b.charCodeAt(j))) j++;
    const ca = a.charCodeAt(i); // NaN at the end
    const cb = b.charCodeAt(j);
    if (ca === TILDE || cb === TILDE) {
      if (ca !== TILDE) return 1;
      if (cb !== TILDE) return -1;
      i++;
      j++;
      continue;
    }
    if (ca === CARET || cb === CARET) {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (ca !== CARET) return 1;
      if (cb !== CARET) return -1;
      i++;
      j++;
      continue;
    }
    if (i >= a.length || j >= b.length) break;
    const numeric = isDigitCode(ca);
    const inSegment = numeric ? isDigitCode : isLetterCode;
    let ei = i;
    while (ei < a.length && inSegment(a.charCodeAt(ei))) ei++;
    let ej = j;
    while (ej < b.length && inSegment(b.charCodeAt(ej))) ej++;
    // segments of different types: numeric is newer than alphabetic
    if (ej === j) return numeric ? 1 : -1;
    const sa = a.slice(i, ei);
    const sb = b.slice(j, ej);
    const c = numeric ? compareDigits(sa, sb) : compareCodeUnits(sa, sb);
    if (c !== 0) return c;
    i = ei;
    j = ej;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i >= a.length ? -1 : 1;
};

// --- internal --------------------------------------------------------------

const TILDE = 0x7e;
const CARET = 0x5e;
const EVR_CHARS = /^[A-Za-z0-9._+~^]+$/;

const isSeparator = (c: number): boolean =>
  !isDigitCode(c) && !isLetterCode(c) && c !== TILDE && c !== CARET;
