/**
 * Impact preview (docs/spec/verdict-v1.md section 14): before an exception is approved, which
 * findings and artifacts it would affect, counted by artifact and by environment, with breadth
 * warnings ("this would suppress 37 findings across 12 images").
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  aliasMapFrom,
  analyzeBreadth,
  compareCodeUnits,
  compileScope,
  countScopeFailures,
  subjectIds,
  type BreadthAnalysis,
  type EnvironmentFacts,
  type ExceptionType,
  type Finding,
  type Scope,
} from '@warrant/core';
import { canonicalText } from './digests';
import { evaluationError, type EvaluationError } from './errors';
import type { AliasSource } from './input';
import { findingPurls } from './subjects';

// --- model -----------------------------------------------------------------

/** What a preview reads. */
export interface ImpactQuery {
  /** The proposed exception's type and scope (e.g. from an ExceptionProposal). */
  readonly proposal: { readonly type: ExceptionType; readonly scope: Scope };
  readonly findings: ReadonlyArray<Finding>;
  /** Environments to count in; absent or empty: one evaluation with no facts. */
  readonly environments?: ReadonlyArray<EnvironmentFacts>;
  readonly knowledge?: { readonly aliases?: ReadonlyArray<AliasSource> };
}

/** One warning of a preview. */
export interface ImpactWarning {
  /** `wide_impact`, `matches_nothing`, or a breadth reason code (`no_artifact`, …). */
  readonly code: string;
  readonly message: string;
}

/** The preview. */
export interface ImpactPreview {
  /** Findings the scope matches in at least one environment (keys, sorted). */
  readonly findings: ReadonlyArray<string>;
  /** Per artifact digest (`null` for findings without one), sorted with null last. */
  readonly by_artifact: ReadonlyArray<{
    readonly artifact: string | null;
    readonly findings: number;
  }>;
  /** Per environment, in the order given. */
  readonly by_environment: ReadonlyArray<{
    readonly environment: EnvironmentFacts;
    readonly findings: number;
    readonly artifacts: number;
  }>;
  readonly breadth: BreadthAnalysis;
  readonly warnings: ReadonlyArray<ImpactWarning>;
}

/** Thresholds above which the preview warns about a wide impact. */
export const WIDE_IMPACT = { findings: 10, artifacts: 2 } as const;

// --- operations ------------------------------------------------------------

/**
 * Previews what a proposed exception would affect: every finding its scope fully matches (the
 * same matcher as `evaluate`; status and precedence are ignored: this is what it COULD cover).
 * @param query - the proposal, findings, environments and knowledge
 * @returns the preview, or `POLICY_EVALUATION_INPUT_INVALID` for a finding purl that does not parse
 * @see docs/spec/verdict-v1.md section 14
 * @example
 * previewImpact({ proposal: { type: 'vulnerability', scope: { vulnerabilities: ['CVE-2021-44228'] } }, findings })
 * // right({ findings: [...37 keys], warnings: [{ code: 'wide_impact', message: 'this would suppress 37 findings across 12 images' }, …] })
 */
export const previewImpact = (query: ImpactQuery): E.Either<EvaluationError, ImpactPreview> => {
  const issues: Parameters<typeof evaluationError>[0][number][] = [];
  const purls = findingPurls(query.findings, issues);
  if (issues.length > 0) return E.left(evaluationError(issues));
  const compiled = compileScope(query.proposal.scope);
  const aliasMap = aliasMapFrom(query.knowledge?.aliases ?? []);
  const envs =
    query.environments !== undefined && query.environments.length > 0 ? query.environments : [{}];
  const memos = compiled.components.map(() => new Map<string, boolean>());
  const matched = new Set<string>();
  const byArtifact = new Map<string | null, Set<string>>();
  const byEnv = envs.map((environment) => ({
    environment,
    keys: new Set<string>(),
    arts: new Set<string | null>(),
  }));
  query.findings.forEach((f, i) => {
    const type = query.proposal.type;
    if (type === 'policy' || (type === 'unknown_state' && f.severity.level !== 'unknown')) return;
    const ids = subjectIds(f.vulnerability.id, f.vulnerability.aliases, aliasMap);
    const purl = purls[i];
    for (const env of byEnv) {
      const subject = {
        vulnerability: f.vulnerability,
        ...(purl === undefined ? {} : { purl }),
        ...(f.artifact.digest === undefined ? {} : { artifact: f.artifact.digest }),
        environment: env.environment,
      };
      if (countScopeFailures(compiled, subject, ids, 1, memos) !== 0) continue;
      const art = f.artifact.digest ?? null;
      env.keys.add(f.key);
      env.arts.add(art);
      matched.add(f.key);
      let set = byArtifact.get(art);
      if (set === undefined) byArtifact.set(art, (set = new Set()));
      set.add(f.key);
    }
  });
  const breadth = analyzeBreadth(query.proposal.type, query.proposal.scope);
  const artifacts = [...byArtifact.keys()];
  const warnings: ImpactWarning[] = [];
  if (matched.size === 0) {
    warnings.push({
      code: 'matches_nothing',
      message: 'this exception matches none of the given findings',
    });
  } else if (matched.size >= WIDE_IMPACT.findings || artifacts.length >= WIDE_IMPACT.artifacts) {
    warnings.push({
      code: 'wide_impact',
      message: `this would suppress ${matched.size} finding${matched.size === 1 ? '' : 's'} across ${artifacts.length} image${artifacts.length === 1 ? '' : 's'}`,
    });
  }
  for (const r of breadth.reasons)
    warnings.push({ code: r.code, message: `${r.path}: ${r.message}` });
  return E.right({
    findings: [...matched].sort(compareCodeUnits),
    by_artifact: artifacts
      .sort((a, b) => (a === null ? 1 : b === null ? -1 : compareCodeUnits(a, b)))
      .map((artifact) => ({ artifact, findings: (byArtifact.get(artifact) as Set<string>).size })),
    by_environment: byEnv.map((e) => ({
      environment: JSON.parse(canonicalText(e.environment)) as EnvironmentFacts,
      findings: e.keys.size,
      artifacts: e.arts.size,
    })),
    breadth,
    warnings,
  });
};
