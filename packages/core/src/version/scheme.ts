/**
 * The registry of version schemes (the `<versioning-scheme>` of a `vers`), the mapping from purl
 * type to scheme, and {@link compareVersions}, the one entry point that compares two version
 * strings of an ecosystem. Unknown schemes and versions a scheme cannot parse are typed errors.
 * @see https://github.com/package-url/vers-spec/blob/main/docs/specification/standard/Clause-5-VERS-Specification.md
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { makeError, type WarrantError } from '../errors';
import { APK_SCHEME } from './apk';
import { DEB_SCHEME } from './deb';
import { GEM_SCHEME } from './gem';
import { GENERIC_SCHEME } from './generic';
import { MAVEN_SCHEME } from './maven';
import { NUGET_SCHEME } from './nuget';
import type { Ordering, VersionScheme } from './ordering';
import { PYPI_SCHEME } from './pypi';
import { RPM_SCHEME } from './rpm';
import { CARGO_SCHEME, GOLANG_SCHEME, NPM_SCHEME, SEMVER_SCHEME } from './semver';

// --- model -----------------------------------------------------------------

/** Every scheme Warrant can compare, in code unit order. `alpine` is an alias of `apk`. */
export const VERS_SCHEMES = [
  'alpine',
  'apk',
  'cargo',
  'deb',
  'gem',
  'generic',
  'golang',
  'maven',
  'npm',
  'nuget',
  'pypi',
  'rpm',
  'semver',
] as const;

/** A version scheme Warrant can compare. */
export type VersScheme = (typeof VERS_SCHEMES)[number];

/** Why a version could not be compared: an unknown scheme, or a version the scheme rejects. */
export type VersionError = WarrantError<'CORE_VERSION_INVALID' | 'CORE_VERS_UNSUPPORTED_SCHEME'> & {
  /** The scheme that was asked for. */
  readonly scheme: string;
};

/** Longest version string accepted by any scheme (hostile-input bound). */
export const MAX_VERSION_LENGTH = 512;

// --- operations ------------------------------------------------------------

/**
 * Tells whether a string names a scheme Warrant can compare.
 * @param scheme - a candidate scheme name, e.g. from a `vers:` string
 * @returns true for the names in {@link VERS_SCHEMES}
 * @example
 * isVersScheme('npm') // true
 * isVersScheme('NPM') // false (schemes are lowercase)
 */
export const isVersScheme = (scheme: string): scheme is VersScheme =>
  Object.prototype.hasOwnProperty.call(REGISTRY, scheme);

/**
 * Compares two versions of one ecosystem.
 * @param scheme - a scheme from {@link VERS_SCHEMES}
 * @param a - the left version
 * @param b - the right version
 * @param path - where the versions came from, for the error
 * @returns -1, 0 or 1, or `CORE_VERS_UNSUPPORTED_SCHEME` / `CORE_VERSION_INVALID` (naming the scheme)
 * @see ../../../../docs/spec/scope-matching.md (section "Version schemes")
 * @example
 * compareVersions('npm', '1.0.0-rc.1', '1.0.0') // right(-1)
 * compareVersions('npm', '1.0.0+build.5', '1.0.0') // right(0): build metadata has no precedence
 * compareVersions('npm', '01.0.0', '1.0.0') // left({ code: 'CORE_VERSION_INVALID', scheme: 'npm', … })
 */
export const compareVersions = (
  scheme: string,
  a: string,
  b: string,
  path?: string,
): E.Either<VersionError, Ordering> => {
  if (!isVersScheme(scheme)) return E.left(unsupportedScheme(scheme, path));
  const impl = REGISTRY[scheme];
  const pa = parseWith(scheme, impl, a, path);
  if (E.isLeft(pa)) return pa;
  const pb = parseWith(scheme, impl, b, path);
  if (E.isLeft(pb)) return pb;
  return E.right(impl.compare(pa.right, pb.right));
};

/**
 * Parses a version with a scheme, for callers that compare one version many times.
 * @internal
 */
export const parseSchemeVersion = (
  scheme: VersScheme,
  text: string,
  path?: string,
): E.Either<VersionError, ParsedVersion> =>
  E.map((value: unknown) => ({ scheme, text, value }))(
    parseWith(scheme, REGISTRY[scheme], text, path),
  );

/**
 * Compares two versions parsed by {@link parseSchemeVersion} with the same scheme.
 * @internal
 */
export const compareParsed = (a: ParsedVersion, b: ParsedVersion): Ordering =>
  REGISTRY[a.scheme].compare(a.value, b.value);

/** A version parsed by a scheme. @internal */
export interface ParsedVersion {
  readonly scheme: VersScheme;
  readonly text: string;
  readonly value: unknown;
}

/**
 * The scheme whose comparison applies to a purl type: npm, pypi, maven, deb, rpm, apk, golang,
 * cargo, gem and nuget map to themselves; every other type maps to `generic`.
 * @param purlType - a normalized (lowercase) purl type
 * @returns the scheme name
 * @see ../../../../docs/spec/scope-matching.md (section "From purl type to scheme")
 * @example
 * versSchemeForPurlType('npm') // 'npm'
 * versSchemeForPurlType('hex') // 'generic'
 */
export const versSchemeForPurlType = (purlType: string): VersScheme =>
  PURL_TYPE_SCHEMES[purlType]?.[0] ?? 'generic';

/**
 * The schemes a `vers` range may use to constrain a purl of this type: the type's own scheme,
 * its aliases (`alpine` for apk, `semver` for npm and cargo), and nothing else.
 * @param purlType - a normalized (lowercase) purl type
 * @returns the accepted scheme names, the type's own scheme first
 * @example
 * versSchemesForPurlType('apk') // ['apk', 'alpine']
 */
export const versSchemesForPurlType = (purlType: string): ReadonlyArray<string> =>
  PURL_TYPE_SCHEMES[purlType] ?? ['generic'];

// --- internal --------------------------------------------------------------

const REGISTRY: { readonly [K in VersScheme]: VersionScheme<unknown> } = {
  alpine: APK_SCHEME as VersionScheme<unknown>,
  apk: APK_SCHEME as VersionScheme<unknown>,
  cargo: CARGO_SCHEME as VersionScheme<unknown>,
  deb: DEB_SCHEME as VersionScheme<unknown>,
  gem: GEM_SCHEME as VersionScheme<unknown>,
  generic: GENERIC_SCHEME as VersionScheme<unknown>,
  golang: GOLANG_SCHEME as VersionScheme<unknown>,
  maven: MAVEN_SCHEME as VersionScheme<unknown>,
  npm: NPM_SCHEME as VersionScheme<unknown>,
  nuget: NUGET_SCHEME as VersionScheme<unknown>,
  pypi: PYPI_SCHEME as VersionScheme<unknown>,
  rpm: RPM_SCHEME as VersionScheme<unknown>,
  semver: SEMVER_SCHEME as VersionScheme<unknown>,
};

// purl type -> accepted vers schemes, the type's own first (VERSION-RANGE-SPEC: "By convention
// the versioning scheme should be the same as the Package URL package type").
const PURL_TYPE_SCHEMES: Readonly<Record<string, ReadonlyArray<VersScheme>>> = {
  apk: ['apk', 'alpine'],
  cargo: ['cargo', 'semver'],
  deb: ['deb'],
  gem: ['gem'],
  golang: ['golang'],
  maven: ['maven'],
  npm: ['npm', 'semver'],
  nuget: ['nuget'],
  pypi: ['pypi'],
  rpm: ['rpm'],
};

const parseWith = (
  scheme: string,
  impl: VersionScheme<unknown>,
  text: string,
  path: string | undefined,
): E.Either<VersionError, unknown> => {
  if (typeof text !== 'string') throw new TypeError('a version must be a string');
  if (text.length === 0) return E.left(invalid(scheme, text, 'the version is empty', path));
  if (text.length > MAX_VERSION_LENGTH) {
    return E.left(invalid(scheme, text, `longer than ${MAX_VERSION_LENGTH} characters`, path));
  }
  const r = impl.parse(text);
  return E.isLeft(r) ? E.left(invalid(scheme, text, r.left, path)) : r;
};

const invalid = (
  scheme: string,
  text: string,
  why: string,
  path: string | undefined,
): VersionError => ({
  ...makeError(
    'CORE_VERSION_INVALID',
    `"${text.length > 80 ? `${text.slice(0, 80)}…` : text}" is not a valid ${scheme} version: ${why}`,
    path,
  ),
  scheme,
});

const unsupportedScheme = (scheme: string, path: string | undefined): VersionError => ({
  ...makeError(
    'CORE_VERS_UNSUPPORTED_SCHEME',
    `unknown version scheme "${scheme}"; supported: ${VERS_SCHEMES.join(', ')}`,
    path,
  ),
  scheme,
});
