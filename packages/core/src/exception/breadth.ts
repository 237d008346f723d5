/**
 * Scope breadth analysis (docs/spec/exception-v1.md section 8): how much an exception's scope
 * leaves open, as narrow / moderate / broad with the reasons. Approval rules use the class;
 * user interfaces show the reasons as warnings.
 * @module
 */
import { formatJsonPath, type PathSegment } from '../json-path';
import { isVersWildcard, purlHasVersion } from './component-syntax';
import { ENVIRONMENT_DIMENSIONS, type Scope } from './scope';
import type { ExceptionType } from './vocabulary';

// --- model -----------------------------------------------------------------

/** Breadth classes, narrowest first. */
export const BREADTHS = ['narrow', 'moderate', 'broad'] as const;
/** A breadth class. */
export type Breadth = (typeof BREADTHS)[number];

/** How open one scope dimension is: 0 exact, 1 partial (wildcard or any version), 2 any. */
export type OpennessLevel = 0 | 1 | 2;

/** Why a scope is not narrow (or a warning about it). */
export interface BreadthReason {
  /** `no_artifact`, `no_component`, `versionless_purl`, `no_environment` or `wildcard`. */
  readonly code:
    'no_artifact' | 'no_component' | 'versionless_purl' | 'no_environment' | 'wildcard';
  /** RFC 9535 path of the member concerned, from the exception root (e.g. `$.scope.artifacts`). */
  readonly path: string;
  /** One sentence for people. */
  readonly message: string;
}

/** The result of {@link analyzeBreadth}. */
export interface BreadthAnalysis {
  /** The class: narrow (score 0), moderate (1-2) or broad (3 or more). */
  readonly breadth: Breadth;
  /** Sum of the levels of the dimensions that count for the exception type. */
  readonly score: number;
  /** Level of each counted dimension; `components` is absent for policy exceptions. */
  readonly levels: {
    readonly artifacts: OpennessLevel;
    readonly environment: OpennessLevel;
    readonly components?: OpennessLevel;
  };
  /** Every reason, in a fixed order: artifacts, components, environment; then by path. */
  readonly reasons: ReadonlyArray<BreadthReason>;
}

// --- operations ------------------------------------------------------------

/**
 * Classifies a scope. Removing a dimension never makes the class narrower (each level only
 * rises to 2 when its dimension is removed).
 * @param type - the exception type (components count for every type but `policy`)
 * @param scope - a decoded scope
 * @returns the class, score, per-dimension levels and reasons
 * @see docs/spec/exception-v1.md section 8
 * @example
 * analyzeBreadth('vulnerability', { vulnerabilities: ['CVE-2024-1234'] })
 * // { breadth: 'broad', score: 6, reasons: [no_artifact, no_component, no_environment], … }
 */
export const analyzeBreadth = (type: ExceptionType, scope: Scope): BreadthAnalysis => {
  const reasons: BreadthReason[] = [];
  const artifacts = scope.artifacts === undefined ? 2 : 0;
  if (artifacts === 2) {
    reasons.push(reason('no_artifact', ['scope', 'artifacts'], 'no artifact digest: any artifact'));
  }
  let components: OpennessLevel | undefined;
  if (type !== 'policy') components = componentLevel(scope, reasons);
  const environment = environmentLevel(scope, reasons);
  const score = artifacts + environment + (components ?? 0);
  return {
    breadth: score === 0 ? 'narrow' : score <= 2 ? 'moderate' : 'broad',
    score,
    levels:
      components === undefined
        ? { artifacts, environment }
        : { artifacts, environment, components },
    reasons,
  };
};

/**
 * Orders breadth classes, narrowest first.
 * @param a - first class
 * @param b - second class
 * @returns negative when `a` is narrower than `b`, zero when equal, positive otherwise
 * @example
 * compareBreadth('narrow', 'broad') < 0 // true
 */
export const compareBreadth = (a: Breadth, b: Breadth): number =>
  BREADTHS.indexOf(a) - BREADTHS.indexOf(b);

// --- internal --------------------------------------------------------------

const reason = (
  code: BreadthReason['code'],
  path: ReadonlyArray<PathSegment>,
  message: string,
): BreadthReason => ({ code, path: formatJsonPath(path), message });

function componentLevel(scope: Scope, reasons: BreadthReason[]): OpennessLevel {
  if (scope.components === undefined) {
    reasons.push(reason('no_component', ['scope', 'components'], 'no component: any component'));
    return 2;
  }
  let level: OpennessLevel = 0;
  scope.components.forEach((c, i) => {
    if (purlHasVersion(c.purl)) return;
    if (c.range === undefined) {
      reasons.push(
        reason(
          'versionless_purl',
          ['scope', 'components', i, 'purl'],
          `${c.purl} has no version or range: any version`,
        ),
      );
      level = 1;
    } else if (isVersWildcard(c.range)) {
      reasons.push(
        reason('wildcard', ['scope', 'components', i, 'range'], `${c.range} matches every version`),
      );
      level = 1;
    }
  });
  return level;
}

function environmentLevel(scope: Scope, reasons: BreadthReason[]): OpennessLevel {
  const env = scope.environment;
  let level: OpennessLevel = 0;
  if (env?.envs === undefined) {
    reasons.push(
      reason('no_environment', ['scope', 'environment', 'envs'], 'no environment: any environment'),
    );
    level = 2;
  }
  for (const dim of ENVIRONMENT_DIMENSIONS) {
    (env?.[dim] ?? []).forEach((v, i) => {
      if (!v.includes('*')) return;
      const path = ['scope', 'environment', dim, i];
      reasons.push(reason('wildcard', path, `${dim} value ${JSON.stringify(v)} is a wildcard`));
      // Only `envs` sets the level: "*" alone is as open as no constraint at all.
      if (dim === 'envs') level = Math.max(level, v === '*' ? 2 : 1) as OpennessLevel;
    });
  }
  return level;
}
