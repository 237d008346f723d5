/**
 * The component dimension of an exception scope: a pattern purl plus an optional `vers` range,
 * matched against a finding's purl, with the combined explanation.
 * @see ../../../../docs/spec/scope-matching.md (section "Component matching")
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { makeError, type WarrantError } from '../errors';
import { versSchemesForPurlType } from '../version/scheme';
import type { VersionRange } from '../version/vers';
import { matchParts, matchPurl, type PurlMatch } from './match';
import type { PackageUrl } from './purl';

/** Why a component scope cannot be evaluated: it states its version dimension twice, or with the wrong scheme. */
export type ComponentScopeError = WarrantError<
  'CORE_COMPONENT_RANGE_CONFLICT' | 'CORE_VERS_SCHEME_MISMATCH'
>;

/**
 * Matches a finding's purl against an exception's component scope: a pattern purl and, when
 * the scope has one, a `vers` range for the version. The version dimension is stated once:
 * by the range, by the pattern's version, or by the pattern's `vers` qualifier (or not at all,
 * which matches every version, and the explanation says so).
 * @param pattern - the scope's purl (type, namespace, name, qualifiers, subpath)
 * @param range - the scope's version range, or undefined
 * @param candidate - the finding's purl
 * @param path - where the scope came from, for errors
 * @returns the verdict (see `matchPurl`), or `CORE_COMPONENT_RANGE_CONFLICT` when the pattern also
 *   carries a version or `vers` qualifier, or `CORE_VERS_SCHEME_MISMATCH` when the range's scheme
 *   does not compare versions of the pattern's type
 * @see ../../../../docs/spec/scope-matching.md (section "Component matching")
 * @example
 * matchComponent(p('pkg:npm/lodash'), r('vers:npm/>=4.0.0|<4.17.21'), p('pkg:npm/lodash@4.17.20'))
 * // right({ matched: true, summary: 'matches: version: version 4.17.20 is within vers:npm/>=4.0.0|<4.17.21: it lies in the interval >=4.0.0 and <4.17.21', … })
 */
export const matchComponent = (
  pattern: PackageUrl,
  range: VersionRange | undefined,
  candidate: PackageUrl,
  path = '$',
): E.Either<ComponentScopeError, PurlMatch> => {
  if (range === undefined) return E.right(matchPurl(pattern, candidate));
  if (pattern.version !== null || pattern.qualifiers['vers'] !== undefined) {
    return E.left(
      makeError(
        'CORE_COMPONENT_RANGE_CONFLICT',
        `the pattern ${pattern.canonical} already states a version; give either a version or the range ${range.text}, not both`,
        path,
      ),
    );
  }
  const accepted = versSchemesForPurlType(pattern.type);
  if (range.scheme !== 'all' && range.scheme !== 'none' && !accepted.includes(range.scheme)) {
    return E.left(
      makeError(
        'CORE_VERS_SCHEME_MISMATCH',
        `${range.text} compares ${range.scheme} versions, but ${pattern.type} versions compare with ${accepted.join(' or ')}`,
        path,
      ),
    );
  }
  return E.right(matchParts(pattern, range, candidate));
};
