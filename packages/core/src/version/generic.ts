/**
 * The `generic` scheme: Warrant's documented fallback for ecosystems without a dedicated
 * comparator. A version is split into maximal runs of ASCII digits (numbers) and ASCII letters
 * (words, compared case-insensitively); every other character only separates runs. Runs are
 * compared left to right: numbers by value, words by code unit after ASCII lowercasing, a word
 * before a number, and a version that runs out first is the smaller. It orders `1.2 < 1.10`
 * and is total, but it knows nothing of pre-releases (`1.0rc1 > 1.0`).
 * @see ../../../../docs/spec/scope-matching.md (section "generic")
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  asciiLower,
  compareCodeUnits,
  compareDigits,
  isDigitCode,
  isLetterCode,
  type Ordering,
  type VersionScheme,
} from './ordering';

/** One run of a generic version: a number (digit string) or a lowercased word. */
export type GenericToken = { readonly num: string } | { readonly word: string };

/**
 * Splits a version into digit and letter runs.
 * @internal
 */
export const parseGeneric = (text: string): E.Either<string, ReadonlyArray<GenericToken>> => {
  const tokens: GenericToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return E.left(`character at offset ${i} is not printable ASCII`);
    let j = i + 1;
    if (isDigitCode(c)) {
      while (j < text.length && isDigitCode(text.charCodeAt(j))) j++;
      tokens.push({ num: text.slice(i, j) });
    } else if (isLetterCode(c)) {
      while (j < text.length && isLetterCode(text.charCodeAt(j))) j++;
      tokens.push({ word: asciiLower(text.slice(i, j)) });
    }
    i = j;
  }
  return tokens.length === 0
    ? E.left('a version needs at least one letter or digit')
    : E.right(tokens);
};

/**
 * Compares token lists: number vs number by value, word vs word by code unit, word < number,
 * and a proper prefix is the smaller.
 * @internal
 */
export const compareGeneric = (
  a: ReadonlyArray<GenericToken>,
  b: ReadonlyArray<GenericToken>,
): Ordering => {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as GenericToken;
    const y = b[i] as GenericToken;
    const c =
      'num' in x
        ? 'num' in y
          ? compareDigits(x.num, y.num)
          : 1
        : 'num' in y
          ? -1
          : compareCodeUnits(x.word, y.word);
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
};

/** @internal */
export const GENERIC_SCHEME: VersionScheme<ReadonlyArray<GenericToken>> = {
  parse: parseGeneric,
  compare: compareGeneric,
};
