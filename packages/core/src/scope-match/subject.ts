/**
 * What an exception scope is matched against (docs/spec/scope-matching.md section 9): a subject
 * (a vulnerability finding or a policy-rule violation) reduced to the values scope dimensions
 * compare, plus the environment facts of the evaluation. The dimension names and their fixed
 * order are defined here so every explanation lists them the same way.
 * @module
 */
import type * as t from 'io-ts';
import { closedObject } from '../exception/codec-kit';
import { Name } from '../exception/fields';
import type { PackageUrl } from '../purl/purl';

// --- model -----------------------------------------------------------------

/**
 * Where the evaluated subject runs: one concrete name per environment dimension, each optional.
 * A missing fact never satisfies a scope that constrains that dimension (section 9.5).
 */
export const EnvironmentFacts = closedObject(
  'EnvironmentFacts',
  {},
  {
    env: Name,
    cluster: Name,
    namespace: Name,
    repository: Name,
    project: Name,
    tenant: Name,
  },
);
/** Where the evaluated subject runs. */
export type EnvironmentFacts = t.TypeOf<typeof EnvironmentFacts>;

/** A subject reduced to the values the scope dimensions compare. Absent means "unknown". */
export interface ScopeSubject {
  /** The vulnerability id and the aliases the source gave (findings only). */
  readonly vulnerability?: { readonly id: string; readonly aliases: ReadonlyArray<string> };
  /** The component's parsed purl (findings with a purl only). */
  readonly purl?: PackageUrl;
  /** The artifact digest (`sha256:<hex>`). */
  readonly artifact?: string;
  /** The violated policy rule id (policy-rule violations only). */
  readonly policyRule?: string;
  /** Environment facts of the evaluation. */
  readonly environment: EnvironmentFacts;
}

/** The scope dimensions, in the fixed order explanations list them (section 9.1). */
export const SCOPE_DIMENSIONS = [
  'vulnerabilities',
  'components',
  'artifacts',
  'environment.envs',
  'environment.clusters',
  'environment.namespaces',
  'environment.repositories',
  'environment.projects',
  'environment.tenants',
  'policy_rules',
] as const;
/** One scope dimension. */
export type ScopeDimension = (typeof SCOPE_DIMENSIONS)[number];

/** The environment fact each `environment.*` dimension reads. */
export const ENVIRONMENT_FACT_OF = {
  'environment.envs': 'env',
  'environment.clusters': 'cluster',
  'environment.namespaces': 'namespace',
  'environment.repositories': 'repository',
  'environment.projects': 'project',
  'environment.tenants': 'tenant',
} as const;

/** The outcome of one dimension. */
export type DimensionOutcome = 'matched' | 'not_matched' | 'not_constrained';

// --- operations ------------------------------------------------------------

/**
 * The subject's value for a dimension, as explanations report it (`components`: the canonical
 * purl).
 * @param d - the dimension
 * @param s - the subject
 * @returns the value, or null when the subject has none
 * @see docs/spec/scope-matching.md section 9
 * @example
 * subjectValue('environment.envs', { environment: { env: 'prod' } }) // 'prod'
 * @internal
 */
export const subjectValue = (d: ScopeDimension, s: ScopeSubject): string | null => {
  switch (d) {
    case 'vulnerabilities':
      return s.vulnerability?.id ?? null;
    case 'components':
      return s.purl?.canonical ?? null;
    case 'artifacts':
      return s.artifact ?? null;
    case 'policy_rules':
      return s.policyRule ?? null;
    default:
      return s.environment[ENVIRONMENT_FACT_OF[d]] ?? null;
  }
};
