/**
 * The sentences of a dimension that does not match (docs/spec/scope-matching.md section 9):
 * one builder per case, shared by `matchScope`'s explanations and the per-scope explainer an
 * evaluator reuses across subjects, so both say exactly the same words. The scope's value list
 * is passed already joined (`values.join(', ')`) so a caller can join it once per scope.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { matchComponent } from '../purl/component';
import type { PackageUrl } from '../purl/purl';
import type { CompiledComponent } from './compile';
import type { ScopeDimension } from './subject';

// --- operations ------------------------------------------------------------

/**
 * The reason of a constrained dimension the subject has no value for.
 * @param d - the dimension
 * @param joined - the scope's values joined by `, `
 * @returns e.g. `artifacts: the subject has no artifact digest, so it cannot be shown to be one of sha256:…`
 * @see docs/spec/scope-matching.md section 9
 * @example
 * absentReason('components', 'pkg:npm/a') // 'components: the subject has no purl, so it cannot be shown to be one of pkg:npm/a'
 * @internal
 */
export const absentReason = (d: ScopeDimension, joined: string): string =>
  `${d}: the subject has no ${NOUN[d]}, so it cannot be shown to be one of ${joined}`;

/**
 * The reason of a dimension whose value is none of the scope's (every dimension but
 * `components`, see {@link componentsMissReason}).
 * @param d - the dimension
 * @param value - the subject's value
 * @param joined - the scope's values joined by `, `
 * @param aliases - for `vulnerabilities`: how many identifiers besides its id the subject has
 * @returns e.g. `artifacts: sha256:… is not listed (sha256:…)`
 * @see docs/spec/scope-matching.md section 9
 * @example
 * missReason('environment.envs', 'dev', 'prod, pr*', 0) // 'environment.envs: dev matches none of prod, pr*'
 * @internal
 */
export const missReason = (
  d: ScopeDimension,
  value: string,
  joined: string,
  aliases: number,
): string => MISS_HEAD[d] + value + missTail(d, joined, aliases);

/**
 * What {@link missReason} writes after the subject's value: a caller explaining one scope
 * against many subjects keeps it, so each reason is two concatenations.
 * @param d - the dimension
 * @param joined - the scope's values joined by `, `
 * @param aliases - for `vulnerabilities`: how many identifiers besides its id the subject has
 * @returns e.g. ` is not listed (sha256:…)`
 * @see docs/spec/scope-matching.md section 9
 * @example
 * MISS_HEAD['environment.envs'] + 'dev' + missTail('environment.envs', 'prod', 0) // === missReason('environment.envs', 'dev', 'prod', 0)
 * @internal
 */
export const missTail = (d: ScopeDimension, joined: string, aliases: number): string => {
  if (d === 'vulnerabilities') return ` (and its ${aliases} known aliases) is none of ${joined}`;
  if (d === 'artifacts' || d === 'policy_rules') return ` is not listed (${joined})`;
  return ` matches none of ${joined}`;
};

/**
 * The reason of a `components` dimension none of whose components matches the subject's purl:
 * each component's text with why it did not match, sorted (UTF-16 code units) and joined by
 * `; `, so the sentence does not depend on the order of the set.
 * @param components - the scope's compiled components
 * @param purl - the subject's purl
 * @returns e.g. `components: pkg:npm/a vers:npm/>=2.0.0 does not match: version: …`
 * @see docs/spec/scope-matching.md section 9.3
 * @example
 * componentsMissReason(compileScope({ components: [{ purl: 'pkg:npm/b' }] }).components, p('pkg:npm/a@1.0.0'))
 * @internal
 */
export const componentsMissReason = (
  components: ReadonlyArray<CompiledComponent>,
  purl: PackageUrl,
): string => {
  const reasons: string[] = [];
  for (const c of components) {
    const m = matchComponent(c.pattern, c.range, purl);
    if (E.isRight(m) && m.right.matched) continue;
    reasons.push(`${c.text} ${E.isRight(m) ? m.right.summary : m.left.message}`);
  }
  return `components: ${reasons.sort().join('; ')}`;
};

// --- internal --------------------------------------------------------------

/**
 * What {@link missReason} writes before the subject's value: the dimension and `: `.
 * @internal
 */
export const MISS_HEAD: Readonly<Record<ScopeDimension, string>> = {
  vulnerabilities: 'vulnerabilities: ',
  components: 'components: ',
  artifacts: 'artifacts: ',
  'environment.envs': 'environment.envs: ',
  'environment.clusters': 'environment.clusters: ',
  'environment.namespaces': 'environment.namespaces: ',
  'environment.repositories': 'environment.repositories: ',
  'environment.projects': 'environment.projects: ',
  'environment.tenants': 'environment.tenants: ',
  policy_rules: 'policy_rules: ',
};

const NOUN: Record<ScopeDimension, string> = {
  vulnerabilities: 'vulnerability',
  components: 'purl',
  artifacts: 'artifact digest',
  'environment.envs': 'env',
  'environment.clusters': 'cluster',
  'environment.namespaces': 'namespace',
  'environment.repositories': 'repository',
  'environment.projects': 'project',
  'environment.tenants': 'tenant',
  policy_rules: 'policy rule',
};
