/**
 * One compiled scope explained against many subjects (docs/spec/scope-matching.md section 9),
 * for an evaluator: which dimensions fail, the reason of a failing one and the values a
 * matching scope matched, with the same words and values as `explainScopeDimension`
 * (property-tested) but paying the per-scope work once. Each component's verdict is kept per
 * candidate purl, the component reason of a miss per candidate purl, and each dimension's
 * value list joined once, so a scope met by a hundred thousand findings computes each distinct
 * answer once. Nothing here allocates for a dimension that matches.
 * @module
 */
import { envValueMatches } from '../exception/query';
import type { PackageUrl } from '../purl/purl';
import type { CompiledScope } from './compile';
import { componentAdmits } from './compile';
import { absentReason, componentsMissReason, MISS_HEAD, missTail } from './reasons';
import {
  ENVIRONMENT_FACT_OF,
  subjectValue,
  type ScopeDimension,
  type ScopeSubject,
} from './subject';
import { vulnerabilityHit, type AliasRoute, type SubjectIds } from './vulnerability';

// --- model -----------------------------------------------------------------

/** A compiled scope with what its explanations share across subjects (mutable caches). */
export interface ScopeExplainer {
  readonly compiled: CompiledScope;
  /** Per component (indexed like `compiled.components`): candidate canonical purl -> admitted. */
  readonly memos: ReadonlyArray<Map<string, boolean>>;
  /** Per constrained dimension (indexed like `compiled.constrained`): its values joined by `, `. */
  readonly joined: Array<string | undefined>;
  /** Per constrained dimension: the words after the value in its miss reason (no aliases). */
  readonly tails: Array<string | undefined>;
  /** Candidate canonical purl -> the `components` reason when no component admits it. */
  readonly componentMisses: Map<string, string>;
}

/** The value one constrained dimension matched, and for vulnerabilities how it was reached. */
export interface ScopeHit {
  readonly dimension: ScopeDimension;
  readonly value: string;
  readonly via?: AliasRoute;
}

// --- operations ------------------------------------------------------------

/**
 * Prepares a compiled scope for explaining many subjects.
 * @param compiled - a compiled scope
 * @returns an explainer with empty caches
 * @see docs/spec/scope-matching.md section 9
 * @example
 * const x = scopeExplainer(compileScope(scope));
 */
export const scopeExplainer = (compiled: CompiledScope): ScopeExplainer => ({
  compiled,
  memos: compiled.components.map(() => new Map<string, boolean>()),
  joined: new Array<string | undefined>(compiled.constrained.length),
  tails: new Array<string | undefined>(compiled.constrained.length),
  componentMisses: new Map(),
});

/**
 * Counts the constrained dimensions that do not match, stopping at `limit`
 * (= `countScopeFailures` with the explainer's memos).
 * @param x - the explainer
 * @param subject - the subject
 * @param ids - the subject's identifiers (`subjectIds`), or undefined without vulnerability
 * @param limit - stop counting here
 * @returns the number of failed dimensions, at most `limit`
 * @see docs/spec/scope-matching.md section 9
 * @example
 * countExplainedFailures(x, subject, ids, 2) // 1: a near miss
 */
export const countExplainedFailures = (
  x: ScopeExplainer,
  subject: ScopeSubject,
  ids: SubjectIds | undefined,
  limit: number,
): number => {
  let failures = 0;
  const dims = x.compiled.constrained;
  for (let i = 0; i < dims.length; i++) {
    if (!holds(x, dims[i] as ScopeDimension, subject, ids) && ++failures >= limit) break;
  }
  return failures;
};

/**
 * The first constrained dimension (in `SCOPE_DIMENSIONS` order) that does not match, with the
 * reason `explainScopeDimension` gives for it.
 * @param x - the explainer
 * @param subject - the subject
 * @param ids - the subject's identifiers, or undefined without vulnerability
 * @returns the dimension and its reason, or undefined when every dimension matches
 * @see docs/spec/scope-matching.md section 9
 * @example
 * firstScopeFailure(x, subject, ids) // { dimension: 'artifacts', reason: 'artifacts: sha256:… is not listed (sha256:…)' }
 */
export const firstScopeFailure = (
  x: ScopeExplainer,
  subject: ScopeSubject,
  ids: SubjectIds | undefined,
): { readonly dimension: ScopeDimension; readonly reason: string } | undefined => {
  const dims = x.compiled.constrained;
  for (let i = 0; i < dims.length; i++) {
    const d = dims[i] as ScopeDimension;
    if (holds(x, d, subject, ids)) continue;
    const joined = (x.joined[i] ??= (x.compiled.values[d] as ReadonlyArray<string>).join(', '));
    const value = subjectValue(d, subject);
    if (value === null) return { dimension: d, reason: absentReason(d, joined) };
    if (d !== 'components') {
      const aliases = (ids?.size ?? 1) - 1;
      // The words after the value depend on the scope alone (and the alias count): kept.
      const tail =
        aliases === 0 ? (x.tails[i] ??= missTail(d, joined, 0)) : missTail(d, joined, aliases);
      return { dimension: d, reason: MISS_HEAD[d] + value + tail };
    }
    const purl = subject.purl as NonNullable<ScopeSubject['purl']>;
    let reason = x.componentMisses.get(value);
    if (reason === undefined) {
      reason = componentsMissReason(x.compiled.components, purl);
      x.componentMisses.set(value, reason);
    }
    return { dimension: d, reason };
  }
  return undefined;
};

/**
 * The value each constrained dimension matched, for a subject every dimension matches: the
 * `matched` (and for vulnerabilities `via`) of `explainScopeDimension`, in `SCOPE_DIMENSIONS`
 * order.
 * @param x - the explainer
 * @param subject - a subject the scope matches
 * @param ids - the subject's identifiers, or undefined without vulnerability
 * @returns one hit per constrained dimension
 * @throws RangeError when a dimension does not match (the caller did not check)
 * @see docs/spec/scope-matching.md section 9
 * @example
 * scopeHits(x, subject, ids) // [{ dimension: 'vulnerabilities', value: 'CVE-2021-44228', via: 'direct' }, …]
 */
export const scopeHits = (
  x: ScopeExplainer,
  subject: ScopeSubject,
  ids: SubjectIds | undefined,
): ScopeHit[] => {
  const out: ScopeHit[] = [];
  const c = x.compiled;
  for (const d of c.constrained) {
    const scope = c.values[d] as ReadonlyArray<string>;
    let value: string | undefined;
    if (d === 'vulnerabilities') {
      const hit = ids === undefined ? undefined : vulnerabilityHit(scope, ids);
      if (hit !== undefined) {
        out.push({ dimension: d, value: hit.value, via: hit.route });
        continue;
      }
    } else if (d === 'components') {
      // The smallest admitting component (code-unit order of its text), as the explanation.
      const purl = subject.purl;
      for (let i = 0; purl !== undefined && i < c.components.length; i++) {
        const comp = c.components[i] as (typeof c.components)[number];
        if (!componentAdmits(comp, purl, x.memos[i])) continue;
        if (value === undefined || comp.text < value) value = comp.text;
      }
    } else if (d === 'artifacts' || d === 'policy_rules') {
      const v = d === 'artifacts' ? subject.artifact : subject.policyRule;
      if (v !== undefined && scope.includes(v)) value = v;
    } else {
      const fact = subject.environment[ENVIRONMENT_FACT_OF[d]];
      for (const p of scope) {
        if (fact !== undefined && envValueMatches(p, fact) && (value === undefined || p < value))
          value = p;
      }
    }
    if (value === undefined) throw new RangeError(`scopeHits: ${d} does not match`);
    out.push({ dimension: d, value });
  }
  return out;
};

/**
 * Whether a scope's components dimension admits a purl: the test `countExplainedFailures`
 * applies to that dimension, with the explainer's memos (for a caller that already knows the
 * other dimensions' answers).
 * @param x - the explainer of a scope that constrains components
 * @param purl - the subject's purl, or undefined without one (then no component admits it)
 * @returns true when some component admits the purl
 * @see docs/spec/scope-matching.md section 2
 * @example
 * componentsHold(x, p('pkg:npm/a@1.0.0')) // true for a scope listing pkg:npm/a
 */
export const componentsHold = (x: ScopeExplainer, purl: PackageUrl | undefined): boolean => {
  if (purl === undefined) return false;
  const cs = x.compiled.components;
  for (let i = 0; i < cs.length; i++) {
    if (componentAdmits(cs[i] as (typeof cs)[number], purl, x.memos[i])) return true;
  }
  return false;
};

// --- internal --------------------------------------------------------------

// Whether a constrained dimension matches (the test of `countScopeFailures`), without allocating.
const holds = (
  x: ScopeExplainer,
  d: ScopeDimension,
  subject: ScopeSubject,
  ids: SubjectIds | undefined,
): boolean => {
  const scope = x.compiled.values[d] as ReadonlyArray<string>;
  if (d === 'vulnerabilities') {
    if (ids === undefined) return false;
    for (let i = 0; i < scope.length; i++) if (ids.has(scope[i] as string)) return true;
    return false;
  }
  if (d === 'components') return componentsHold(x, subject.purl);
  if (d === 'artifacts') return subject.artifact !== undefined && scope.includes(subject.artifact);
  if (d === 'policy_rules') {
    return subject.policyRule !== undefined && scope.includes(subject.policyRule);
  }
  const fact = subject.environment[ENVIRONMENT_FACT_OF[d]];
  if (fact === undefined) return false;
  for (let i = 0; i < scope.length; i++) if (envValueMatches(scope[i] as string, fact)) return true;
  return false;
};
