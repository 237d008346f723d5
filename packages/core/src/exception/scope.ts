/**
 * The structured scope of an exception (seed 000 section 3.2; docs/spec/exception-v1.md
 * section 4): artifacts by digest, components by purl and version range, vulnerability ids,
 * environment constraints and policy rule ids. A missing dimension means "any"; it is never
 * written as an empty list, and breadth analysis counts it (see breadth.ts).
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { Sha256Digest } from '../digest';
import {
  checkedString,
  closedObject,
  setOf,
  showValue,
  type ClosedType,
  type Violation,
} from './codec-kit';
import {
  canonicalPurl,
  purlStatesVersion,
  rangeSchemeProblem,
  versSyntaxProblem,
} from './component-syntax';
import { EnvValue, LinkRef, Name } from './fields';

// --- model -----------------------------------------------------------------

/**
 * An artifact by content address (image, SBOM or provenance digest). `ref` (e.g. an image
 * reference with a tag) is informational only and exists only beside a digest: tags move.
 */
export const ArtifactScope = closedObject(
  'ArtifactScope',
  { digest: Sha256Digest },
  { ref: LinkRef },
);
/** An artifact by content address. */
export type ArtifactScope = t.TypeOf<typeof ArtifactScope>;

/**
 * A package URL, parsed by the purl parser and stored in its canonical form (decoding
 * `pkg:NPM/lodash` yields `pkg:npm/lodash`; docs/spec/scope-matching.md).
 */
export const Purl = new t.Type<string, string, unknown>(
  'Purl',
  (u): u is string => {
    if (typeof u !== 'string') return false;
    const p = canonicalPurl(u);
    return E.isRight(p) && p.right === u;
  },
  (u, c) => {
    if (typeof u !== 'string')
      return t.failure(u, c, `expected a package URL (a string), got ${showValue(u)}`);
    const p = canonicalPurl(u);
    return E.isRight(p)
      ? t.success(p.right)
      : t.failure(u, c, `expected a package URL: ${p.left}, got ${showValue(u)}`);
  },
  (a) => a,
);
/** A package URL. */
export type Purl = t.TypeOf<typeof Purl>;

/** A `vers:` version range in canonical form (docs/spec/scope-matching.md). */
export const VersRange = checkedString('VersRange', versSyntaxProblem);
/** A `vers:` version range. */
export type VersRange = t.TypeOf<typeof VersRange>;

/**
 * A component: a purl (its type is the ecosystem) and either a version inside the purl (or a
 * `vers` qualifier), or a `vers:` range whose scheme fits the purl type, or neither (any version:
 * counted as breadth), never both.
 */
export const ComponentScope = closedObject(
  'ComponentScope',
  { purl: Purl },
  { range: VersRange },
  (c) => {
    if (c.range === undefined) return [];
    if (purlStatesVersion(c.purl)) {
      return [
        {
          path: ['range'],
          message: 'expected either a version (or vers qualifier) in the purl or a range, not both',
        },
      ];
    }
    const problem = rangeSchemeProblem(c.purl, c.range);
    return problem === undefined ? [] : [{ path: ['range'], message: problem }];
  },
);
/** A component by purl and optional version range. */
export type ComponentScope = t.TypeOf<typeof ComponentScope>;

/**
 * A vulnerability id: `CVE-YYYY-NNNN…`, `GHSA-xxxx-xxxx-xxxx` (GitHub's alphabet), or another
 * `PREFIX-rest` id (distro advisories such as `DSA-5678-1`, `RHSA-2024:1234`, OSV ids, internal
 * ids). At most 128 characters, case as issued; a CVE or GHSA prefix in any case must match its
 * exact form.
 */
export const VulnerabilityId = checkedString('VulnerabilityId', (s) => {
  if (s.length > 128) return 'expected a vulnerability id of at most 128 characters';
  const prefix = s.slice(0, s.indexOf('-') < 0 ? s.length : s.indexOf('-')).toUpperCase();
  if (prefix === 'CVE') return CVE.test(s) ? undefined : 'expected a CVE id like CVE-2024-12345';
  if (prefix === 'GHSA') {
    return GHSA.test(s)
      ? undefined
      : 'expected a GHSA id like GHSA-abcd-23fg-9xyz (lowercase body)';
  }
  return OTHER_ID.test(s)
    ? undefined
    : 'expected a vulnerability id: CVE-…, GHSA-…, or PREFIX-rest (letters, digits, . _ : -)';
});
/** A vulnerability id. */
export type VulnerabilityId = t.TypeOf<typeof VulnerabilityId>;

/** Environment constraints; each member a set of values where `*` is a wildcard. */
export const EnvironmentScope = closedObject(
  'EnvironmentScope',
  {},
  {
    envs: setOf(EnvValue, 'EnvValues'),
    clusters: setOf(EnvValue, 'EnvValues'),
    namespaces: setOf(EnvValue, 'EnvValues'),
    repositories: setOf(EnvValue, 'EnvValues'),
    projects: setOf(EnvValue, 'EnvValues'),
    tenants: setOf(EnvValue, 'EnvValues'),
  },
  (e) => (Object.keys(e).length === 0 ? [{ path: [], message: EMPTY_ENVIRONMENT }] : []),
);
/** Environment constraints. */
export type EnvironmentScope = t.TypeOf<typeof EnvironmentScope>;

/** The members of {@link EnvironmentScope}, in documentation order. */
export const ENVIRONMENT_DIMENSIONS = [
  'envs',
  'clusters',
  'namespaces',
  'repositories',
  'projects',
  'tenants',
] as const;
/** One member of {@link EnvironmentScope}. */
export type EnvironmentDimension = (typeof ENVIRONMENT_DIMENSIONS)[number];

const SCOPE_MEMBERS = {
  artifacts: setOf(ArtifactScope, 'ArtifactScopes'),
  components: setOf(ComponentScope, 'ComponentScopes'),
  vulnerabilities: setOf(VulnerabilityId, 'VulnerabilityIds'),
  environment: EnvironmentScope,
  policy_rules: setOf(Name, 'PolicyRuleIds'),
};

/** The scope of an exception: at least one dimension; a missing one means "any". */
export const Scope = closedObject('Scope', {}, SCOPE_MEMBERS, checkScope);
/** The scope of an exception. */
export type Scope = t.TypeOf<typeof Scope>;

// --- internal --------------------------------------------------------------

const EMPTY_ENVIRONMENT = 'expected at least one environment member (omit "environment" for any)';
const CVE = /^CVE-\d{4}-\d{4,}$/;
const GHSA = /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/;
const OTHER_ID = /^[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9][A-Za-z0-9._:-]*$/;

function checkScope(
  s: ClosedType<Record<never, t.Mixed>, typeof SCOPE_MEMBERS>,
): ReadonlyArray<Violation> {
  const out: Violation[] = [];
  if (Object.keys(s).length === 0) {
    out.push({ path: [], message: 'expected at least one scope dimension' });
  }
  const seen = new Set<string>();
  // Reported on the member, not an index: set elements are already sorted at this point.
  for (const a of s.artifacts ?? []) {
    if (seen.has(a.digest)) {
      out.push({ path: ['artifacts'], message: `expected each artifact digest once: ${a.digest}` });
    }
    seen.add(a.digest);
  }
  return out;
}
