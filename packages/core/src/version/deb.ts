/**
 * Debian version ordering as dpkg implements it: `[epoch:]upstream_version[-debian_revision]`,
 * epochs compared as integers, then upstream and revision with `verrevcmp`: alternating
 * non-digit parts (compared character by character, `~` before everything including the end,
 * letters before other characters) and digit parts (compared as integers).
 * @see https://www.debian.org/doc/debian-policy/ch-controlfields.html#version
 * @see https://git.dpkg.org/cgit/dpkg/dpkg.git/tree/lib/dpkg/version.c
 * @see https://git.dpkg.org/cgit/dpkg/dpkg.git/tree/lib/dpkg/parsehelp.c (parseversion)
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  compareDigits,
  isDigitCode,
  isLetterCode,
  sign,
  type Ordering,
  type VersionScheme,
} from './ordering';

/** A parsed Debian version. */
export interface DebVersion {
  readonly epoch: string;
  readonly upstream: string;
  /** Empty when the version has no `-revision` (dpkg compares it as ""). */
  readonly revision: string;
}

/**
 * Parses a Debian version with dpkg's `parseversion` rules: epoch digits before the first
 * `:` (at most 2147483647); revision after the last `-` (non-empty, `[A-Za-z0-9.+~]`);
 * upstream non-empty, starting with a digit, `[A-Za-z0-9.+~:-]`.
 * @internal
 */
export const parseDeb = (text: string): E.Either<string, DebVersion> => {
  const colon = text.indexOf(':');
  let epoch = '0';
  let rest = text;
  if (colon !== -1) {
    epoch = text.slice(0, colon);
    rest = text.slice(colon + 1);
    if (!/^[0-9]+$/.test(epoch)) return E.left('the epoch must be digits');
    if (compareDigits(epoch, '2147483647') > 0) return E.left('the epoch is too big');
    if (rest === '') return E.left('nothing after the epoch colon');
  }
  const dash = rest.lastIndexOf('-');
  const upstream = dash === -1 ? rest : rest.slice(0, dash);
  const revision = dash === -1 ? '' : rest.slice(dash + 1);
  if (dash !== -1 && revision === '') return E.left('the revision after "-" is empty');
  if (upstream === '') return E.left('the upstream version is empty');
  if (!isDigitCode(upstream.charCodeAt(0)))
    return E.left('the upstream version must start with a digit');
  if (!/^[A-Za-z0-9.+~:-]+$/.test(upstream))
    return E.left('invalid character in the upstream version');
  if (revision !== '' && !/^[A-Za-z0-9.+~]+$/.test(revision)) {
    return E.left('invalid character in the revision');
  }
  return E.right({ epoch, upstream, revision });
};

/**
 * dpkg's version comparison: epoch, then upstream, then revision, each with {@link verrevcmp}.
 * @internal
 */
export const compareDeb = (a: DebVersion, b: DebVersion): Ordering =>
  compareDigits(a.epoch, b.epoch) ||
  verrevcmp(a.upstream, b.upstream) ||
  verrevcmp(a.revision, b.revision);

/** @internal */
export const DEB_SCHEME: VersionScheme<DebVersion> = { parse: parseDeb, compare: compareDeb };

/**
 * dpkg's `verrevcmp`: a non-digit run is compared character by character with {@link order};
 * a digit run by integer value (leading zeros ignored); the two alternate until a difference.
 * @internal
 */
export const verrevcmp = (a: string, b: string): Ordering => {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !digitAt(a, i)) || (j < b.length && !digitAt(b, j))) {
      const ac = order(a, i);
      const bc = order(b, j);
      if (ac !== bc) return sign(ac - bc);
      i++;
      j++;
    }
    while (a.charCodeAt(i) === 0x30) i++;
    while (b.charCodeAt(j) === 0x30) j++;
    while (digitAt(a, i) && digitAt(b, j)) {
      if (firstDiff === 0) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (digitAt(a, i)) return 1;
    if (digitAt(b, j)) return -1;
    if (firstDiff !== 0) return sign(firstDiff);
  }
  return 0;
};

// --- internal --------------------------------------------------------------

const digitAt = (s: string, i: number): boolean => i < s.length && isDigitCode(s.charCodeAt(i));

// dpkg's order(): a digit or the end is 0, a letter its code, '~' -1, anything else code+256.
const order = (s: string, i: number): number => {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  if (isDigitCode(c)) return 0;
  if (isLetterCode(c)) return c;
  if (c === 0x7e) return -1;
  return c + 256;
};
