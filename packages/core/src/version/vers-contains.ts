/**
 * Whether a version lies within a `vers` range, and why: every answer names the constraint or
 * interval that admitted or excluded the version.
 * @see https://github.com/package-url/vers-spec/blob/main/docs/specification/how-to-parse.md
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { compareParsed, parseSchemeVersion, type ParsedVersion } from './scheme';
import { parsedConstraints, type VersConstraint, type VersError, type VersionRange } from './vers';

// --- model -----------------------------------------------------------------

/** Which rule decided a containment check. */
export type VersContainmentRule =
  'star' | 'all' | 'none' | 'equal' | 'excluded' | 'interval' | 'not-excluded' | 'outside';

/** The answer to "is this version within this range?", with the deciding constraints. */
export interface VersContainment {
  readonly contained: boolean;
  /** Canonical text of the range. */
  readonly range: string;
  /** The version as given. */
  readonly version: string;
  readonly rule: VersContainmentRule;
  /** The constraints that decided: the equal one, or the bounds around the version (0 to 2). */
  readonly constraints: ReadonlyArray<VersConstraint>;
  /** One English sentence saying why. */
  readonly reason: string;
}

// --- operations ------------------------------------------------------------

/**
 * Checks whether a version is within a range, using the range scheme's comparison.
 *
 * The range denotes the versions equal to a `=`, `<=` or `>=` constraint, plus the versions
 * inside the intervals its bounds delimit, minus the versions equal to a `!=` constraint; a
 * range made only of `!=` constraints admits every other version.
 * @param range - a range from `parseVers` or `buildVers`
 * @param version - the version to test, in the range's scheme
 * @param path - where the version came from, for errors
 * @returns the answer with its reason, or `CORE_VERSION_INVALID` when the scheme cannot read the version
 * @see ../../../../docs/spec/scope-matching.md (section "Containment")
 * @example
 * versContains(range('vers:npm/>=1.0.0|<2.0.0'), '1.2.3')
 * // right({ contained: true, rule: 'interval',
 * //         reason: 'version 1.2.3 is within vers:npm/>=1.0.0|<2.0.0: it lies in the interval >=1.0.0 and <2.0.0', … })
 */
export const versContains = (
  range: VersionRange,
  version: string,
  path = '$',
): E.Either<VersError, VersContainment> => {
  if (typeof version !== 'string') throw new TypeError('versContains expects a version string');
  const answer = (
    contained: boolean,
    rule: VersContainmentRule,
    constraints: ReadonlyArray<VersConstraint>,
    why: string,
  ): E.Either<VersError, VersContainment> =>
    E.right({
      contained,
      range: range.text,
      version,
      rule,
      constraints,
      reason: `version ${version} is ${contained ? 'within' : 'not within'} ${range.text}: ${why}`,
    });
  if (range.scheme === 'all') return answer(true, 'all', [], 'vers:all admits every version');
  if (range.scheme === 'none') return answer(false, 'none', [], 'vers:none admits no version');
  if (range.star) return answer(true, 'star', [], '"*" admits every version');
  const scheme = range.scheme;
  const v = parseSchemeVersion(scheme, version, path);
  if (E.isLeft(v)) return v;
  const cached = parsedConstraints(range);
  const parsed: Array<{ readonly c: VersConstraint; readonly p: ParsedVersion }> = [];
  for (let i = 0; i < range.constraints.length; i++) {
    const c = range.constraints[i] as VersConstraint;
    const hit = cached?.[i];
    if (hit !== undefined && hit.scheme === scheme) {
      parsed.push({ c, p: hit });
      continue;
    }
    const p = parseSchemeVersion(scheme, c.version, path);
    if (E.isLeft(p)) return p; // only for a hand-made range object; kept total
    parsed.push({ c, p: p.right });
  }
  const equal = parsed.find((x) => compareParsed(v.right, x.p) === 0);
  if (equal !== undefined) {
    const as = equal.c.version === version ? '' : ` (equal to ${equal.c.version} in ${scheme})`;
    const c = equal.c;
    const shown = show(c);
    switch (c.comparator) {
      case '=':
      case '<=':
      case '>=':
        return answer(true, 'equal', [c], `it is admitted by constraint ${shown}${as}`);
      case '!=':
        return answer(false, 'excluded', [c], `it is excluded by constraint ${shown}${as}`);
      default:
        return answer(false, 'outside', [c], `it equals the exclusive bound ${shown}${as}`);
    }
  }
  const bounds = parsed.filter((x) => x.c.comparator !== '=' && x.c.comparator !== '!=');
  if (bounds.length === 0) {
    const points = parsed.filter((x) => x.c.comparator === '=').map((x) => x.c);
    return points.length === 0
      ? answer(true, 'not-excluded', [], 'no != constraint excludes it')
      : answer(false, 'outside', [], `it equals none of ${points.map(show).join(', ')}`);
  }
  // First bound strictly above the version (no bound equals it any more).
  let idx = 0;
  while (idx < bounds.length && compareParsed(v.right, (bounds[idx] as (typeof bounds)[0]).p) > 0) {
    idx++;
  }
  const below = idx > 0 ? (bounds[idx - 1] as (typeof bounds)[0]).c : undefined;
  const above = idx < bounds.length ? (bounds[idx] as (typeof bounds)[0]).c : undefined;
  const lower = below !== undefined && isLower(below);
  const openBelow = below === undefined && above !== undefined && !isLower(above);
  const around = [below, above].filter((c): c is VersConstraint => c !== undefined);
  if (lower || openBelow) {
    const where =
      below !== undefined && above !== undefined
        ? `it lies in the interval ${show(below)} and ${show(above)}`
        : below !== undefined
          ? `it satisfies ${show(below)}, which has no upper bound`
          : `it satisfies ${show(above as VersConstraint)}, which has no lower bound`;
    return answer(true, 'interval', around, where);
  }
  const where =
    below !== undefined && above !== undefined
      ? `it lies between ${show(below)} and ${show(above)}, outside every interval`
      : below !== undefined
        ? `it is above the last bound ${show(below)}`
        : `it is below the first bound ${show(above as VersConstraint)}`;
  return answer(false, 'outside', around, where);
};

// --- internal --------------------------------------------------------------

const isLower = (c: VersConstraint): boolean => c.comparator === '>' || c.comparator === '>=';

const show = (c: VersConstraint): string =>
  c.comparator === '=' ? c.version : `${c.comparator}${c.version}`;
