/**
 * Alpine (apk) version ordering, the Gentoo-style scheme apk-tools implements:
 * `N(.N)*[letter](_suffix[N])*[-rN]`. Numbers compare as integers, except that a component
 * after the first that has a leading zero compares as a string with trailing zeros removed
 * (Gentoo PMS algorithm 3.3); a single lowercase letter follows; suffixes rank
 * alpha < beta < pre < rc < (none) < cvs < svn < git < hg < p, each with an optional number;
 * the `-r` revision comes last.
 * @see https://gitlab.alpinelinux.org/alpine/apk-tools/-/blob/master/src/version.c
 * @see https://projects.gentoo.org/pms/8/pms.html#x1-260003.3 (version comparison)
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { compareCodeUnits, compareDigits, type Ordering, type VersionScheme } from './ordering';

/** A parsed apk version. */
export interface ApkVersion {
  /** Numeric components as written (the first compared as an integer). */
  readonly numbers: ReadonlyArray<string>;
  readonly letter: string | null;
  readonly suffixes: ReadonlyArray<{ readonly rank: number; readonly n: string }>;
  readonly revision: string;
}

/**
 * Parses an apk version; anything apk-tools would call invalid is refused (apk itself falls
 * back to a string sort, which is not an order a range can rely on).
 * @internal
 */
export const parseApk = (text: string): E.Either<string, ApkVersion> => {
  const m = PATTERN.exec(text);
  if (m === null) return E.left('expected N(.N)*[a-z](_suffix[N])*[-rN]');
  const suffixes: Array<{ rank: number; n: string }> = [];
  for (const s of (m[3] ?? '').split('_').slice(1)) {
    const sm = /^([a-z]+)([0-9]*)$/.exec(s) as RegExpExecArray;
    const rank = SUFFIX_RANK[sm[1] as string];
    if (rank === undefined) return E.left(`unknown suffix "_${sm[1]}"`);
    suffixes.push({ rank, n: sm[2] || '0' });
  }
  return E.right({
    numbers: (m[1] as string).split('.'),
    letter: m[2] ?? null,
    suffixes,
    revision: m[4] ?? '0',
  });
};

/**
 * Numbers, letter, suffixes, revision, in that order (PMS algorithm 3.1 with apk's suffixes).
 * @internal
 */
export const compareApk = (a: ApkVersion, b: ApkVersion): Ordering =>
  compareNumbers(a.numbers, b.numbers) ||
  compareLetter(a.letter, b.letter) ||
  compareSuffixes(a.suffixes, b.suffixes) ||
  compareDigits(a.revision, b.revision);

/** @internal */
export const APK_SCHEME: VersionScheme<ApkVersion> = { parse: parseApk, compare: compareApk };

// --- internal --------------------------------------------------------------

const PATTERN = /^([0-9]+(?:\.[0-9]+)*)([a-z])?((?:_[a-z]+[0-9]*)*)(?:-r([0-9]+))?$/;

const SUFFIX_RANK: Readonly<Record<string, number>> = {
  alpha: -4,
  beta: -3,
  pre: -2,
  rc: -1,
  cvs: 1,
  svn: 2,
  git: 3,
  hg: 4,
  p: 5,
};

const compareNumbers = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): Ordering => {
  const first = compareDigits(a[0] as string, b[0] as string);
  if (first !== 0) return first;
  const n = Math.min(a.length, b.length);
  for (let i = 1; i < n; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    const c =
      x.startsWith('0') || y.startsWith('0')
        ? compareCodeUnits(x.replace(/0+$/, ''), y.replace(/0+$/, ''))
        : compareDigits(x, y);
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
};

const compareLetter = (a: string | null, b: string | null): Ordering =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : compareCodeUnits(a, b);

// PMS algorithm 3.5: pairwise by rank then number; if one version has an extra suffix, it is
// newer when that suffix is a post-release one (rank > 0), older otherwise.
const compareSuffixes = (a: ApkVersion['suffixes'], b: ApkVersion['suffixes']): Ordering => {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as ApkVersion['suffixes'][number];
    const y = b[i] as ApkVersion['suffixes'][number];
    const c = x.rank < y.rank ? -1 : x.rank > y.rank ? 1 : compareDigits(x.n, y.n);
    if (c !== 0) return c;
  }
  if (a.length === b.length) return 0;
  const extra = (a.length > b.length ? a[n] : b[n]) as ApkVersion['suffixes'][number];
  const newer: Ordering = extra.rank > 0 ? 1 : -1;
  return a.length > b.length ? newer : newer === 1 ? -1 : 1;
};
