/**
 * NuGet version ordering (`NuGetVersion` with `VersionComparer.Default`): one to four numeric
 * parts (legacy `Major.Minor.Build.Revision`; missing parts are 0, leading zeros allowed,
 * each at most 2147483647), an optional SemVer 2.0.0 pre-release whose labels compare
 * case-insensitively, and build metadata that does not take part in ordering.
 * @see https://learn.microsoft.com/en-us/nuget/concepts/package-versioning#version-basics
 * @see https://github.com/NuGet/NuGet.Client/blob/dev/src/NuGet.Core/NuGet.Versioning/VersionComparer.cs
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

/** A parsed NuGet version. */
export interface NugetVersion {
  /** Major, minor, patch, revision as digit strings (missing parts "0"). */
  readonly parts: readonly [string, string, string, string];
  /** Pre-release labels, lowercased (comparison is case-insensitive). */
  readonly release: ReadonlyArray<string>;
}

/**
 * Parses a NuGet version.
 * @internal
 */
export const parseNuget = (text: string): E.Either<string, NugetVersion> => {
  const m = PATTERN.exec(text);
  if (m === null)
    return E.left('expected 1 to 4 numeric parts, an optional -prerelease and +metadata');
  const nums = [m[1], m[2], m[3], m[4]].map((p) => p ?? '0');
  for (const p of nums) {
    if (compareDigits(p, INT32_MAX) > 0) return E.left(`part ${p} is larger than 2147483647`);
  }
  return E.right({
    parts: nums as unknown as readonly [string, string, string, string],
    release: m[5] === undefined ? [] : asciiLower(m[5]).split('.'),
  });
};

/**
 * Numeric parts, then release before pre-release, then labels: numeric labels by value,
 * numeric before alphanumeric, alphanumeric case-insensitively, fewer labels first.
 * @internal
 */
export const compareNuget = (a: NugetVersion, b: NugetVersion): Ordering => {
  for (let i = 0; i < 4; i++) {
    const c = compareDigits(a.parts[i] as string, b.parts[i] as string);
    if (c !== 0) return c;
  }
  if (a.release.length === 0 || b.release.length === 0) {
    return a.release.length === b.release.length ? 0 : a.release.length === 0 ? 1 : -1;
  }
  const n = Math.min(a.release.length, b.release.length);
  for (let i = 0; i < n; i++) {
    const x = a.release[i] as string;
    const y = b.release[i] as string;
    const xn = /^[0-9]+$/.test(x);
    const yn = /^[0-9]+$/.test(y);
    const c = xn && yn ? compareDigits(x, y) : xn ? -1 : yn ? 1 : compareCodeUnits(x, y);
    if (c !== 0) return c;
  }
  return a.release.length === b.release.length ? 0 : a.release.length < b.release.length ? -1 : 1;
};

/** @internal */
export const NUGET_SCHEME: VersionScheme<NugetVersion> = {
  parse: parseNuget,
  compare: compareNuget,
};

// --- internal --------------------------------------------------------------

const INT32_MAX = '2147483647';
const LABELS = '[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*';
const PATTERN = new RegExp(
  `^([0-9]+)(?:\\.([0-9]+))?(?:\\.([0-9]+))?(?:\\.([0-9]+))?(?:-(${LABELS}))?(?:\\+${LABELS})?$`,
);
