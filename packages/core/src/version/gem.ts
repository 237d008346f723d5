/**
 * RubyGems version ordering (`Gem::Version#<=>`): `-` is read as `.pre.`, the version is
 * split into numeric and alphabetic segments, trailing zero segments are dropped from the
 * numeric part and from the prerelease part (canonical segments), and segments compare left
 * to right with missing ones as 0: numbers by value, strings by byte, a string below a number
 * (so any letter makes a prerelease: `1.0.a < 1.0`).
 * @see https://github.com/rubygems/rubygems/blob/master/lib/rubygems/version.rb
 * @see https://guides.rubygems.org/patterns/#prerelease-gems
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { compareCodeUnits, compareDigits, type Ordering, type VersionScheme } from './ordering';

/** Canonical segments: digit strings (numbers) and letter runs (case kept). */
export type GemSegments = ReadonlyArray<{ readonly num: string } | { readonly str: string }>;

/**
 * Parses with `Gem::Version::ANCHORED_VERSION_PATTERN` (no surrounding whitespace) and
 * returns the canonical segments.
 * @internal
 */
export const parseGem = (text: string): E.Either<string, GemSegments> => {
  if (!PATTERN.test(text))
    return E.left('not a RubyGems version (digits, then .segments, then an optional -prerelease)');
  const segments = (text.replace(/-/g, '.pre.').match(/[0-9]+|[a-z]+/gi) ?? []).map((s) =>
    /^[0-9]/.test(s) ? { num: s } : { str: s },
  );
  const firstString = segments.findIndex((s) => 'str' in s);
  const numeric = firstString === -1 ? segments : segments.slice(0, firstString);
  const strings = firstString === -1 ? [] : segments.slice(firstString);
  return E.right([...dropTrailingZeros(numeric), ...dropTrailingZeros(strings)]);
};

/**
 * `Gem::Version#<=>` on canonical segments.
 * @internal
 */
export const compareGem = (a: GemSegments, b: GemSegments): Ordering => {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? ZERO;
    const y = b[i] ?? ZERO;
    const c =
      'num' in x
        ? 'num' in y
          ? compareDigits(x.num, y.num)
          : 1
        : 'num' in y
          ? -1
          : compareCodeUnits(x.str, y.str);
    if (c !== 0) return c;
  }
  return 0;
};

/** @internal */
export const GEM_SCHEME: VersionScheme<GemSegments> = { parse: parseGem, compare: compareGem };

// --- internal --------------------------------------------------------------

const PATTERN = /^[0-9]+(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
const ZERO = { num: '0' } as const;

const dropTrailingZeros = <T extends { readonly num: string } | { readonly str: string }>(
  segments: ReadonlyArray<T>,
): ReadonlyArray<T> => {
  let end = segments.length;
  while (end > 0) {
    const s = segments[end - 1] as T;
    if (!('num' in s) || !/^0+$/.test(s.num)) break;
    end--;
  }
  return segments.slice(0, end);
};
