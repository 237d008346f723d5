/**
 * The comparison result type and the small, exact helpers every version scheme shares: digit
 * strings are compared by value without converting to numbers (versions such as
 * `1.0.0_pre20191002222144` or 40-digit dates overflow doubles), text by UTF-16 code unit.
 * @module
 */
import type * as E from 'fp-ts/lib/Either.js';

/** The result of comparing two versions: -1 (less), 0 (equal in the scheme's order) or 1. */
export type Ordering = -1 | 0 | 1;

/**
 * One ecosystem's version syntax and total order.
 * @internal
 */
export interface VersionScheme<V> {
  /** Parses a version string; `left` holds an English message saying what is wrong. */
  readonly parse: (text: string) => E.Either<string, V>;
  /** A total preorder on parsed versions: antisymmetric, transitive, 0 for equivalent versions. */
  readonly compare: (a: V, b: V) => Ordering;
}

/**
 * Sign of a number as an {@link Ordering}.
 * @internal
 */
export const sign = (n: number): Ordering => (n < 0 ? -1 : n > 0 ? 1 : 0);

/**
 * Compares two strings by UTF-16 code unit (never `localeCompare`).
 * @internal
 */
export const compareCodeUnits = (a: string, b: string): Ordering => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Compares two non-empty ASCII digit strings by numeric value, ignoring leading zeros.
 * @internal
 */
export const compareDigits = (a: string, b: string): Ordering => {
  const x = stripLeadingZeros(a);
  const y = stripLeadingZeros(b);
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return compareCodeUnits(x, y);
};

/**
 * Removes leading `0`s, keeping nothing for an all-zero string (`"000"` becomes `""`).
 * @internal
 */
export const stripLeadingZeros = (digits: string): string => {
  let i = 0;
  while (i < digits.length && digits.charCodeAt(i) === 0x30) i++;
  return digits.slice(i);
};

/**
 * True for an ASCII decimal digit code unit.
 * @internal
 */
export const isDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39;

/**
 * True for an ASCII letter code unit.
 * @internal
 */
export const isLetterCode = (c: number): boolean =>
  (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * Lowercases ASCII letters only (locale-independent; other characters unchanged).
 * @internal
 */
export const asciiLower = (s: string): string =>
  s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
