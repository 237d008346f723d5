/**
 * PEP 440 version parsing and ordering (the `pypi` scheme): epochs, release segments with
 * trailing zeros insignificant, pre-releases (a/alpha, b/beta, rc/c/pre/preview), post-releases
 * (post/rev/r and the implicit `-N`), development releases and local versions.
 * @see https://peps.python.org/pep-0440/#summary-of-permitted-suffixes-and-relative-ordering
 * @see https://peps.python.org/pep-0440/#appendix-b-parsing-version-strings-with-regular-expressions
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  asciiLower,
  compareCodeUnits,
  compareDigits,
  type Ordering,
  type VersionScheme,
} from './ordering';

/** A parsed PEP 440 version; numbers are digit strings. */
export interface Pep440 {
  readonly epoch: string;
  readonly release: ReadonlyArray<string>;
  /** `a`, `b` or `rc` and its number, or null. */
  readonly pre: { readonly label: 'a' | 'b' | 'rc'; readonly n: string } | null;
  readonly post: string | null;
  readonly dev: string | null;
  /** Local segments, lowercased; numeric ones are digit strings. */
  readonly local: ReadonlyArray<string> | null;
}

// PEP 440 Appendix B, anchored, case-insensitive; the leading "v" is allowed (normalization).
const PATTERN = new RegExp(
  '^v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)' +
    '(?<pre>[-_.]?(?<pre_l>alpha|beta|preview|pre|a|b|c|rc)[-_.]?(?<pre_n>[0-9]+)?)?' +
    '(?<post>(?:-(?<post_n1>[0-9]+))|(?:[-_.]?(?<post_l>post|rev|r)[-_.]?(?<post_n2>[0-9]+)?))?' +
    '(?<dev>[-_.]?(?<dev_l>dev)[-_.]?(?<dev_n>[0-9]+)?)?' +
    '(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?$',
  'i',
);

/**
 * Parses a PEP 440 version (without surrounding whitespace).
 * @internal
 */
export const parsePep440 = (text: string): E.Either<string, Pep440> => {
  const g = PATTERN.exec(text)?.groups;
  if (g === undefined) return E.left('not a PEP 440 version');
  const preLabel = g['pre_l'] === undefined ? undefined : asciiLower(g['pre_l']);
  return E.right({
    epoch: g['epoch'] ?? '0',
    release: (g['release'] as string).split('.'),
    pre:
      preLabel === undefined
        ? null
        : {
            label:
              preLabel === 'alpha' || preLabel === 'a'
                ? 'a'
                : preLabel === 'beta' || preLabel === 'b'
                  ? 'b'
                  : 'rc',
            n: g['pre_n'] ?? '0',
          },
    post: g['post'] === undefined ? null : (g['post_n1'] ?? g['post_n2'] ?? '0'),
    dev: g['dev'] === undefined ? null : (g['dev_n'] ?? '0'),
    local: g['local'] === undefined ? null : asciiLower(g['local']).split(/[-_.]/),
  });
};

/**
 * PEP 440 ordering (the order of packaging's `Version`): epoch, release (zero-padded), then
 * dev-only before pre-releases before the release, post-releases after, dev releases before
 * their base, local versions after the public version they extend.
 * @internal
 */
export const comparePep440 = (a: Pep440, b: Pep440): Ordering =>
  compareDigits(a.epoch, b.epoch) ||
  compareRelease(a.release, b.release) ||
  compareRank(preRank(a), preRank(b)) ||
  compareRank(postRank(a), postRank(b)) ||
  compareRank(devRank(a), devRank(b)) ||
  compareLocal(a.local, b.local);

/** @internal */
export const PYPI_SCHEME: VersionScheme<Pep440> = { parse: parsePep440, compare: comparePep440 };

// --- internal --------------------------------------------------------------

/** -Infinity, a tuple of comparable keys, or +Infinity. */
type Rank = { readonly inf: -1 | 1 } | { readonly key: ReadonlyArray<string> };

const compareRelease = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): Ordering => {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareDigits(a[i] ?? '0', b[i] ?? '0');
    if (c !== 0) return c;
  }
  return 0;
};

// packaging._cmpkey: a dev release without pre or post sorts before every pre-release.
const preRank = (v: Pep440): Rank =>
  v.pre !== null
    ? { key: [v.pre.label, v.pre.n] }
    : v.post === null && v.dev !== null
      ? { inf: -1 }
      : { inf: 1 };
const postRank = (v: Pep440): Rank => (v.post === null ? { inf: -1 } : { key: ['', v.post] });
const devRank = (v: Pep440): Rank => (v.dev === null ? { inf: 1 } : { key: ['', v.dev] });

// Keys are [label, number]: labels a < b < rc by code unit, numbers by value.
const compareRank = (a: Rank, b: Rank): Ordering => {
  if ('inf' in a || 'inf' in b) {
    const x = 'inf' in a ? a.inf : 0;
    const y = 'inf' in b ? b.inf : 0;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return (
    compareCodeUnits(a.key[0] as string, b.key[0] as string) ||
    compareDigits(a.key[1] as string, b.key[1] as string)
  );
};

// Local segments: numeric > alphanumeric; numbers by value, words by code unit; a longer
// local version wins when the shorter is a prefix; no local sorts before any local.
const compareLocal = (
  a: ReadonlyArray<string> | null,
  b: ReadonlyArray<string> | null,
): Ordering => {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    const xn = /^[0-9]+$/.test(x);
    const yn = /^[0-9]+$/.test(y);
    const c = xn && yn ? compareDigits(x, y) : xn ? 1 : yn ? -1 : compareCodeUnits(x, y);
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
};
