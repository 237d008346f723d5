/**
 * A scope prepared for matching many subjects (docs/spec/scope-matching.md section 9): purls and
 * ranges parsed once, the constrained dimensions listed, and the keys an evaluator indexes the
 * scope by. Compiling a decoded scope cannot fail; matching reads only the compiled form.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Scope } from '../exception/scope';
import { purlMatchKey } from '../purl/match';
import { matchComponent } from '../purl/component';
import { parsePurl, type PackageUrl } from '../purl/purl';
import { parseVers, type VersionRange } from '../version/vers';
import type { ENVIRONMENT_FACT_OF } from './subject';
import { SCOPE_DIMENSIONS, type ScopeDimension } from './subject';

// --- model -----------------------------------------------------------------

/** One component of a scope, parsed. */
export interface CompiledComponent {
  /** `purl` or `purl range` as the scope states it, for explanations. */
  readonly text: string;
  readonly pattern: PackageUrl;
  readonly range: VersionRange | undefined;
  /** {@link purlMatchKey} of the pattern: only candidates with this key can match. */
  readonly key: string;
}

/** A scope ready for matching. */
export interface CompiledScope {
  readonly scope: Scope;
  /** The dimensions the scope constrains, in {@link SCOPE_DIMENSIONS} order. */
  readonly constrained: ReadonlyArray<ScopeDimension>;
  readonly components: ReadonlyArray<CompiledComponent>;
  /** Values each constrained dimension states (components as their text), sorted as decoded. */
  readonly values: Readonly<Partial<Record<ScopeDimension, ReadonlyArray<string>>>>;
}

// --- operations ------------------------------------------------------------

/**
 * Compiles a decoded scope.
 * @param scope - a scope decoded by the `Scope` codec (purls canonical, ranges valid)
 * @returns the compiled scope
 * @throws RangeError when a purl or range does not parse: the scope was not decoded
 * @see docs/spec/scope-matching.md section 9
 * @example
 * compileScope({ vulnerabilities: ['CVE-2021-44228'] }).constrained // ['vulnerabilities']
 */
export const compileScope = (scope: Scope): CompiledScope => {
  const components = (scope.components ?? []).map(compileComponent);
  const values: Partial<Record<ScopeDimension, ReadonlyArray<string>>> = {};
  for (const d of SCOPE_DIMENSIONS) {
    const v = dimensionValues(scope, d, components);
    if (v !== undefined) values[d] = v;
  }
  return {
    scope,
    constrained: SCOPE_DIMENSIONS.filter((d) => values[d] !== undefined),
    components,
    values,
  };
};

/**
 * Whether a compiled component admits a candidate purl (`matchComponent(...).matched`), with a
 * per-component memo keyed by the candidate's canonical text.
 * @param c - a compiled component
 * @param candidate - the subject's purl
 * @param memo - memo of earlier answers for this component, or undefined for none
 * @returns true when the component matches
 * @see docs/spec/scope-matching.md section 2
 * @example
 * componentAdmits(compileScope({ components: [{ purl: 'pkg:npm/a' }] }).components[0], p('pkg:npm/a@1.0.0'), undefined) // true
 */
export const componentAdmits = (
  c: CompiledComponent,
  candidate: PackageUrl,
  memo: Map<string, boolean> | undefined,
): boolean => {
  const known = memo?.get(candidate.canonical);
  if (known !== undefined) return known;
  const m = matchComponent(c.pattern, c.range, candidate);
  // A decoded scope never has a conflicting range: an error cannot be a match.
  const ok = E.isRight(m) && m.right.matched;
  memo?.set(candidate.canonical, ok);
  return ok;
};

// --- internal --------------------------------------------------------------

// Scopes repeat the same components (a package waived in many images): each distinct one is
// parsed once. A compiled component is immutable and a pure function's cache can be dropped at
// any time, so it is cleared when full rather than evicted one by one.
const COMPONENTS = new Map<string, CompiledComponent>();
const COMPONENTS_SIZE = 4096;

const compileComponent = (c: {
  readonly purl: string;
  readonly range?: string;
}): CompiledComponent => {
  const text = c.range === undefined ? c.purl : `${c.purl} ${c.range}`;
  // The text names the component only when the purl has no space (a decoded one never has).
  const cacheable = !c.purl.includes(' ');
  const known = cacheable ? COMPONENTS.get(text) : undefined;
  if (known !== undefined) return known;
  const pattern = parsePurl(c.purl);
  if (E.isLeft(pattern)) throw new RangeError(`undecoded scope purl ${c.purl}`);
  let range: VersionRange | undefined;
  if (c.range !== undefined) {
    const r = parseVers(c.range);
    if (E.isLeft(r)) throw new RangeError(`undecoded scope range ${c.range}`);
    range = r.right;
  }
  const compiled: CompiledComponent = Object.freeze({
    text,
    pattern: pattern.right,
    range,
    key: purlMatchKey(pattern.right),
  });
  if (!cacheable) return compiled;
  if (COMPONENTS.size >= COMPONENTS_SIZE) COMPONENTS.clear();
  COMPONENTS.set(text, compiled);
  return compiled;
};

const dimensionValues = (
  scope: Scope,
  d: ScopeDimension,
  components: ReadonlyArray<CompiledComponent>,
): ReadonlyArray<string> | undefined => {
  switch (d) {
    case 'vulnerabilities':
      return scope.vulnerabilities;
    case 'components':
      return scope.components === undefined ? undefined : components.map((c) => c.text);
    case 'artifacts':
      return scope.artifacts?.map((a) => a.digest);
    case 'policy_rules':
      return scope.policy_rules;
    default: {
      const member = ENV_MEMBER[d];
      return scope.environment?.[member];
    }
  }
};

const ENV_MEMBER = {
  'environment.envs': 'envs',
  'environment.clusters': 'clusters',
  'environment.namespaces': 'namespaces',
  'environment.repositories': 'repositories',
  'environment.projects': 'projects',
  'environment.tenants': 'tenants',
} as const satisfies Record<keyof typeof ENVIRONMENT_FACT_OF, string>;
