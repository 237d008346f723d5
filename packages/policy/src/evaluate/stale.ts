/**
 * Stale exceptions (exception-v1 section 12.1, docs/spec/verdict-v1.md section 13): active
 * exceptions whose scope fully matches no current finding, found with the same fold, index and
 * matcher as `evaluate`, so "stale" means exactly "could not apply to anything evaluated now".
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  aliasMapFrom,
  compareCodeUnits,
  subjectIds,
  type EnvironmentFacts,
  type Finding,
  type Timestamp,
} from '@warrant/core';
import { buildCandidateIndex, FINDING_TYPES } from './candidate-index';
import { decideExceptions, scratchFor } from './decide';
import { evaluationError, type EvaluationError } from './errors';
import { exceptionsAt } from './exceptions';
import type { AliasSource } from './input';
import { findingSubjects } from './subjects';

// --- model -----------------------------------------------------------------

/** What the stale query reads. */
export interface StaleQuery {
  readonly findings: ReadonlyArray<Finding>;
  /** One event history per exception. */
  readonly exceptions: ReadonlyArray<ReadonlyArray<unknown>>;
  readonly now: Timestamp;
  readonly knowledge?: { readonly aliases?: ReadonlyArray<AliasSource> };
  readonly context?: EnvironmentFacts;
}

/** A stale exception: active at `now`, matching no finding. */
export interface StaleException {
  readonly exception_id: string;
  readonly version: number;
  readonly expires_at: Timestamp;
}

// --- operations ------------------------------------------------------------

/**
 * Lists the active exceptions (types that apply to findings) whose every scope dimension matches
 * no finding in the given context. Policy exceptions are never reported (they cover
 * violations, not findings).
 * @param query - findings, histories, now, knowledge and environment facts
 * @returns stale exceptions sorted by id, or `POLICY_EVALUATION_INPUT_INVALID`
 * @see docs/spec/verdict-v1.md section 13
 * @example
 * staleExceptions({ findings, exceptions: histories, now }) // right([{ exception_id: 'exc-old', version: 2, expires_at }])
 */
export const staleExceptions = (
  query: StaleQuery,
): E.Either<EvaluationError, ReadonlyArray<StaleException>> => {
  const folded = exceptionsAt(query.exceptions, query.now);
  if (E.isLeft(folded)) return E.left(evaluationError(folded.left));
  const index = buildCandidateIndex(folded.right.entries, FINDING_TYPES);
  const scratch = scratchFor(index);
  const aliasMap = aliasMapFrom(query.knowledge?.aliases ?? []);
  const environment = query.context ?? {};
  const used = new Set<number>();
  const issues: Parameters<typeof evaluationError>[0][number][] = [];
  const { purls, matchKeys } = findingSubjects(query.findings, issues);
  if (issues.length > 0) return E.left(evaluationError(issues));
  query.findings.forEach((f, i) => {
    const purl = purls[i];
    const ids = subjectIds(f.vulnerability.id, f.vulnerability.aliases, aliasMap);
    const d = decideExceptions(
      index,
      scratch,
      {
        vulnerability: f.vulnerability,
        ...(purl === undefined ? {} : { purl }),
        ...(f.artifact.digest === undefined ? {} : { artifact: f.artifact.digest }),
        environment,
      },
      {
        ids,
        ...(purl === undefined ? {} : { purlKey: matchKeys[i] as string }),
        ...(f.artifact.digest === undefined ? {} : { artifact: f.artifact.digest }),
      },
      f.severity.level === 'unknown',
    );
    for (const c of d.full) used.add(c);
  });
  return E.right(
    index.entries
      .map((e, i) => ({ e, i }))
      .filter(({ e, i }) => e.status === 'active' && !used.has(i))
      .map(({ e }) => ({
        exception_id: e.exception_id,
        version: e.current.version,
        expires_at: e.current.expires_at,
      }))
      .sort((a, b) => compareCodeUnits(a.exception_id, b.exception_id)),
  );
};
