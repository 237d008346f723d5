/**
 * Semantic Versioning 2.0.0 precedence, and the three ecosystems that use it: npm (an optional
 * leading `v`, as node-semver accepts), cargo (strict), golang (a required `v`, the `vMAJOR` and
 * `vMAJOR.MINOR` shorthands of golang.org/x/mod/semver, `+incompatible` as build metadata).
 * @see https://semver.org/spec/v2.0.0.html#spec-item-11
 * @see https://go.dev/ref/mod#versions
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { compareCodeUnits, compareDigits, isDigitCode, type Ordering } from './ordering';
import type { VersionScheme } from './ordering';

// --- model -----------------------------------------------------------------

/** A parsed SemVer 2.0.0 version; numeric parts kept as digit strings (no overflow). */
export interface Semver {
  readonly major: string;
  readonly minor: string;
  readonly patch: string;
  readonly prerelease: ReadonlyArray<string>;
  readonly build: ReadonlyArray<string>;
}

/** How a `v` prefix is treated, and whether Go's short forms are allowed. */
interface SemverDialect {
  readonly prefix: 'none' | 'optional' | 'required';
  readonly goShorthand: boolean;
}

// --- operations ------------------------------------------------------------

/**
 * Parses a strict SemVer 2.0.0 string (no prefix).
 * @internal
 */
export const parseSemver = (text: string): E.Either<string, Semver> =>
  parseDialect(text, { prefix: 'none', goShorthand: false });

/**
 * SemVer 2.0.0 precedence (spec item 11); build metadata is ignored, so `1.0.0+a` equals `1.0.0+b`.
 * @internal
 */
export const compareSemver = (a: Semver, b: Semver): Ordering =>
  compareDigits(a.major, b.major) ||
  compareDigits(a.minor, b.minor) ||
  compareDigits(a.patch, b.patch) ||
  comparePrerelease(a.prerelease, b.prerelease);

/** @internal */
export const SEMVER_SCHEME: VersionScheme<Semver> = { parse: parseSemver, compare: compareSemver };
/** @internal */
export const NPM_SCHEME: VersionScheme<Semver> = {
  parse: (t) => parseDialect(t, { prefix: 'optional', goShorthand: false }),
  compare: compareSemver,
};
/** @internal */
export const CARGO_SCHEME: VersionScheme<Semver> = SEMVER_SCHEME;
/** @internal */
export const GOLANG_SCHEME: VersionScheme<Semver> = {
  parse: (t) => parseDialect(t, { prefix: 'required', goShorthand: true }),
  compare: compareSemver,
};

// --- internal --------------------------------------------------------------

const NUMERIC = /^(0|[1-9][0-9]*)$/;
const IDENTIFIER = /^[0-9A-Za-z-]+$/;

const parseDialect = (text: string, dialect: SemverDialect): E.Either<string, Semver> => {
  let rest = text;
  if (rest.startsWith('v')) {
    if (dialect.prefix === 'none') return E.left('a "v" prefix is not allowed in this scheme');
    rest = rest.slice(1);
  } else if (dialect.prefix === 'required') {
    return E.left('a "v" prefix is required (golang versions look like v1.2.3)');
  }
  const plus = rest.indexOf('+');
  const build = plus === -1 ? undefined : rest.slice(plus + 1);
  if (plus !== -1) rest = rest.slice(0, plus);
  const dash = rest.indexOf('-');
  const pre = dash === -1 ? undefined : rest.slice(dash + 1);
  const core = dash === -1 ? rest : rest.slice(0, dash);
  const parts = core.split('.');
  const shorthand = dialect.goShorthand && parts.length < 3;
  if (shorthand && (pre !== undefined || build !== undefined)) {
    return E.left('a shorthand version (v1 or v1.2) cannot carry a pre-release or build');
  }
  if (!shorthand && parts.length !== 3) return E.left('expected MAJOR.MINOR.PATCH');
  for (const p of parts) {
    if (!NUMERIC.test(p)) {
      return E.left(`"${p}" is not a numeric identifier (digits, no leading zeros)`);
    }
  }
  const prerelease = pre === undefined ? [] : pre.split('.');
  for (const id of prerelease) {
    if (!IDENTIFIER.test(id)) return E.left(`pre-release identifier "${id}" is empty or invalid`);
    if (isNumeric(id) && !NUMERIC.test(id)) {
      return E.left(`pre-release identifier "${id}" has a leading zero`);
    }
  }
  const buildIds = build === undefined ? [] : build.split('.');
  for (const id of buildIds) {
    if (!IDENTIFIER.test(id)) return E.left(`build identifier "${id}" is empty or invalid`);
  }
  return E.right({
    major: parts[0] ?? '0',
    minor: parts[1] ?? '0',
    patch: parts[2] ?? '0',
    prerelease,
    build: buildIds,
  });
};

const isNumeric = (id: string): boolean => {
  for (let i = 0; i < id.length; i++) if (!isDigitCode(id.charCodeAt(i))) return false;
  return true;
};

// Spec item 11.3-11.4: a version without pre-release outranks one with; identifiers compare
// numerically when both numeric, numeric < alphanumeric, otherwise ASCII order; a longer list
// wins when all preceding identifiers are equal.
const comparePrerelease = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): Ordering => {
  if (a.length === 0 || b.length === 0) {
    return a.length === b.length ? 0 : a.length === 0 ? 1 : -1;
  }
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    const xn = isNumeric(x);
    const yn = isNumeric(y);
    const c = xn && yn ? compareDigits(x, y) : xn ? -1 : yn ? 1 : compareCodeUnits(x, y);
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
};
