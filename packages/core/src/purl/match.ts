/**
 * Matching a pattern purl (from an exception scope) against a candidate purl (from a finding),
 * part by part, with the reason for every verdict: users must never have to guess why an
 * exception silently matched nothing, or everything.
 * @see ../../../../docs/spec/scope-matching.md (section "purl matching")
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { compareVersions, versSchemeForPurlType } from '../version/scheme';
import { parseVers, type VersionRange } from '../version/vers';
import { versContains, type VersContainment } from '../version/vers-contains';
import { byCodeUnit, formatPurl } from './encode';
import type { PackageUrl } from './purl';
import { matchQualifier, type PartOutcome, type PurlPartMatch } from './qualifiers';

// --- model -----------------------------------------------------------------

/** The verdict of matching a candidate purl against a pattern, with one entry per part. */
export interface PurlMatch {
  /** True when no part is `not-matched`. */
  readonly matched: boolean;
  /** Canonical pattern purl. */
  readonly pattern: string;
  /** Canonical text of the version range applied, or null. */
  readonly range: string | null;
  /** Canonical candidate purl. */
  readonly candidate: string;
  /** type, namespace, name, version, each qualifier (code unit order of keys), subpath. */
  readonly parts: ReadonlyArray<PurlPartMatch>;
  /** The containment check behind the version verdict, when a range was evaluated. */
  readonly containment: VersContainment | null;
  /** One line: why it matched (the version verdict) or every reason it did not. */
  readonly summary: string;
}

// --- operations ------------------------------------------------------------

/**
 * Matches a candidate purl against a pattern purl. Type, namespace and name must be equal
 * (a missing namespace is part of the identity, not a wildcard); a pattern without version
 * matches every version; a pattern version must equal the candidate's (as strings, or as
 * equal versions in the type's scheme); a pattern `vers` qualifier is the version range; a
 * pattern qualifier must be present and equal in the candidate (see the qualifier rules);
 * a pattern subpath must equal the candidate's.
 * @param pattern - the purl an exception scope names
 * @param candidate - the purl a finding names
 * @returns the verdict with one reason per part
 * @see ../../../../docs/spec/scope-matching.md (section "purl matching")
 * @example
 * matchPurl(p('pkg:deb/debian/curl?arch=amd64'), p('pkg:deb/debian/curl@7.50.3-1?arch=arm64'))
 * // { matched: false, summary: 'does not match: qualifier arch: the pattern requires amd64, the candidate has arm64', … }
 */
export const matchPurl = (pattern: PackageUrl, candidate: PackageUrl): PurlMatch => {
  const vers = pattern.qualifiers['vers'];
  const range = vers === undefined ? undefined : parseVers(vers);
  return matchParts(
    pattern,
    range !== undefined && E.isRight(range) ? range.right : undefined,
    candidate,
  );
};

/**
 * The identity key of a purl for indexing: two purls can match (as pattern and candidate, in
 * either role) only if their keys are equal, because type, namespace and name must all match.
 * An evaluator indexes scopes by this key and runs {@link matchPurl} only within a bucket.
 * @param purl - a parsed purl
 * @returns `pkg:type/namespace/name` in canonical encoding, the name ASCII-lowercased for nuget
 * @see ../../../../docs/spec/scope-matching.md (section "Identity parts")
 * @example
 * purlMatchKey(p('pkg:nuget/Newtonsoft.Json@13.0.1?x=y')) // 'pkg:nuget/newtonsoft.json'
 */
export const purlMatchKey = (purl: PackageUrl): string => {
  const name = purl.type === 'nuget' ? asciiFold(purl.name) : purl.name;
  return formatPurl({
    type: purl.type,
    namespace: purl.namespace,
    name,
    version: null,
    qualifiers: {},
    subpath: null,
  });
};

/**
 * The shared engine of {@link matchPurl} and `matchComponent`: `range` (already checked
 * against the pattern type) replaces the pattern's version when given.
 * @internal
 */
export const matchParts = (
  pattern: PackageUrl,
  range: VersionRange | undefined,
  candidate: PackageUrl,
): PurlMatch => {
  const parts: PurlPartMatch[] = [];
  const same = (part: 'type' | 'namespace' | 'name', a: string | null, b: string | null): void => {
    const caseless = part === 'name' && pattern.type === 'nuget' && a !== null && b !== null;
    const equal = a === b || (caseless && asciiFold(a) === asciiFold(b));
    const shown = (v: string | null): string => (v === null ? 'none' : v);
    parts.push({
      part,
      outcome: equal ? 'matched' : 'not-matched',
      pattern: a,
      candidate: b,
      reason: equal
        ? `${part}: both are ${shown(a)}${a !== b ? ' (NuGet package ids are case-insensitive)' : ''}`
        : `${part}: the pattern has ${shown(a)}, the candidate has ${shown(b)}`,
    });
  };
  same('type', pattern.type, candidate.type);
  same('namespace', pattern.namespace, candidate.namespace);
  same('name', pattern.name, candidate.name);
  const version = matchVersion(pattern, range, candidate);
  parts.push(version.part);
  // The pattern's vers qualifier is its version range (judged above), never a qualifier.
  const keys = new Set([
    ...Object.keys(pattern.qualifiers).filter((k) => k !== 'vers'),
    ...Object.keys(candidate.qualifiers),
  ]);
  const epoch = pattern.version !== null ? 'folded' : range !== undefined ? 'range' : 'plain';
  for (const key of [...keys].sort(byCodeUnit)) {
    const p = key === 'vers' ? undefined : pattern.qualifiers[key];
    parts.push(matchQualifier(pattern.type, key, p, candidate.qualifiers[key], epoch));
  }
  parts.push(matchSubpath(pattern.subpath, candidate.subpath));
  const failed = parts.filter((x) => x.outcome === 'not-matched');
  return {
    matched: failed.length === 0,
    pattern: pattern.canonical,
    range: range?.text ?? null,
    candidate: candidate.canonical,
    parts,
    containment: version.containment,
    summary:
      failed.length === 0
        ? `matches: ${version.part.reason}`
        : `does not match: ${failed.map((x) => x.reason).join('; ')}`,
  };
};

// --- internal --------------------------------------------------------------

const asciiFold = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

// rpm keeps the epoch in a qualifier (purl-spec rpm definition); fold it into E:V-R.
const effectiveVersion = (p: PackageUrl): string | null => {
  const epoch = p.type === 'rpm' ? p.qualifiers['epoch'] : undefined;
  if (p.version === null || epoch === undefined || p.version.includes(':')) return p.version;
  return `${epoch}:${p.version}`;
};

const matchVersion = (
  pattern: PackageUrl,
  range: VersionRange | undefined,
  candidate: PackageUrl,
): { readonly part: PurlPartMatch; readonly containment: VersContainment | null } => {
  const cv = effectiveVersion(candidate);
  const part = (outcome: PartOutcome, pv: string | null, reason: string): PurlPartMatch => ({
    part: 'version',
    outcome,
    pattern: pv,
    candidate: cv,
    reason: `version: ${reason}`,
  });
  if (range !== undefined) {
    if (range.star || range.scheme === 'all' || range.scheme === 'none') {
      const ok = range.scheme !== 'none';
      return {
        part: part(
          ok ? 'matched' : 'not-matched',
          range.text,
          `${range.text} admits ${ok ? 'every' : 'no'} version`,
        ),
        containment: null,
      };
    }
    if (cv === null) {
      return {
        part: part(
          'not-matched',
          range.text,
          `the candidate has no version, so it cannot be shown to be within ${range.text}`,
        ),
        containment: null,
      };
    }
    const c = versContains(range, cv);
    if (E.isLeft(c)) {
      return {
        part: part(
          'not-matched',
          range.text,
          `${c.left.message}; ${range.text} cannot apply to it`,
        ),
        containment: null,
      };
    }
    return {
      part: part(c.right.contained ? 'matched' : 'not-matched', range.text, c.right.reason),
      containment: c.right,
    };
  }
  const pv = effectiveVersion(pattern);
  if (pv === null) {
    return {
      part: part(
        'not-constrained',
        null,
        'the pattern has no version, so it matches every version of the package (add a version or a vers range to narrow it)',
      ),
      containment: null,
    };
  }
  if (cv === null)
    return {
      part: part('not-matched', pv, `the pattern requires ${pv}, the candidate has no version`),
      containment: null,
    };
  if (pv === cv) return { part: part('matched', pv, `both are ${pv}`), containment: null };
  const scheme = versSchemeForPurlType(pattern.type);
  const order = compareVersions(scheme, pv, cv);
  return E.isRight(order) && order.right === 0
    ? {
        part: part('matched', pv, `${pv} and ${cv} are the same version in ${scheme} order`),
        containment: null,
      }
    : {
        part: part('not-matched', pv, `the pattern requires ${pv}, the candidate has ${cv}`),
        containment: null,
      };
};

const matchSubpath = (pattern: string | null, candidate: string | null): PurlPartMatch => {
  if (pattern === null) {
    return {
      part: 'subpath',
      outcome: 'not-constrained',
      pattern,
      candidate,
      reason: `subpath: the pattern does not constrain it${candidate === null ? '' : ` (candidate has ${candidate})`}`,
    };
  }
  const equal = pattern === candidate;
  return {
    part: 'subpath',
    outcome: equal ? 'matched' : 'not-matched',
    pattern,
    candidate,
    reason: equal
      ? `subpath: both are ${pattern}`
      : `subpath: the pattern requires ${pattern}, the candidate has ${candidate ?? 'none'}`,
  };
};
