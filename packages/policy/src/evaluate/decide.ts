/**
 * Deciding which exception applies to one subject (docs/spec/verdict-v1.md section 6): the
 * candidates from the index are tested cheaply; those matching every dimension are the
 * candidates (the best-ranked active one applies), those failing exactly one are near misses
 * and get the failing dimension's explanation.
 * @module
 */
import {
  compareCodeUnits,
  componentsHold,
  countExplainedFailures,
  firstScopeFailure,
  scopeExplainer,
  scopeHits,
  type ScopeExplainer,
  type ScopeSubject,
  type SubjectIds,
} from '@warrant/core';
import type { AppliedException, Candidate, NearMiss } from '../verdict';
import {
  candidatesOf,
  OTHER_COMPONENTS,
  OTHER_MORE,
  SEVERAL,
  UNCONSTRAINED,
  type CandidateIndex,
  type SubjectKeys,
} from './candidate-index';
import type { ExceptionEntry } from './exceptions';

// --- model -----------------------------------------------------------------

/** The exception part of a subject's decision. */
export interface ExceptionDecision {
  /** Entry number (in the index) of the applied exception. */
  readonly applied?: number;
  /** Entry numbers of every full match, in rank order. */
  readonly full: ReadonlyArray<number>;
  readonly nearMisses: ReadonlyArray<NearMiss>;
}

/** Scratch state reused across subjects of one evaluation. */
export interface DecideScratch {
  readonly stamp: Int32Array;
  /** Per entry, made when it is first a candidate: its scope's shared explanation parts. */
  readonly explainers: Array<ScopeExplainer | undefined>;
  /** The candidates of the current subject (reused: read before the next subject). */
  readonly candidates: number[];
  token: number;
}

// --- operations ------------------------------------------------------------

/**
 * Makes the scratch state for an index.
 * @param index - the candidate index
 * @returns fresh scratch
 * @internal
 */
export const scratchFor = (index: CandidateIndex): DecideScratch => ({
  stamp: new Int32Array(index.entries.length),
  explainers: new Array<ScopeExplainer | undefined>(index.entries.length),
  candidates: [],
  token: 0,
});

/**
 * Decides a subject against the index.
 * @param index - the candidate index
 * @param scratch - scratch state
 * @param subject - the subject
 * @param keys - its index keys
 * @param unknownSeverity - the subject is a finding of unknown severity (or a violation): every
 *   type fits; otherwise `unknown_state` exceptions are skipped
 * @returns full matches, the applied one (best-ranked active full match) and near misses
 * @see docs/spec/verdict-v1.md section 6
 * @internal
 */
export const decideExceptions = (
  index: CandidateIndex,
  scratch: DecideScratch,
  subject: ScopeSubject,
  keys: SubjectKeys,
  unknownSeverity: boolean,
): ExceptionDecision => {
  scratch.token++;
  const cands = candidatesOf(index, keys, scratch.stamp, scratch.token, scratch.candidates);
  if (cands.length === 0) return NO_DECISION;
  let full: number[] | undefined;
  let near: NearMiss[] | undefined;
  let applied: number | undefined;
  // The subject's vulnerability and artifact as numbers of the index (ABSENT: no scope names
  // it); a subject with several identifiers is tested against the scopes themselves.
  const codes = index.codes;
  const sv = subjectCode(codes.vulnerabilities, keys.ids);
  const sa = keys.artifact === undefined ? ABSENT : (codes.artifacts.get(keys.artifact) ?? ABSENT);
  for (let j = 0; j < cands.length; j++) {
    const c = cands[j] as number;
    // unknown_state exceptions apply only to findings of unknown severity (section 6.2).
    if (!unknownSeverity && index.unknownState[c] === 1) continue;
    // Most candidates fail two dimensions: the numbers tell, no scope object is read.
    const cv = codes.vulnerability[c] as number;
    const ca = codes.artifact[c] as number;
    const other = codes.other[c] as number;
    let n = -1;
    if (sv !== SEVERAL && cv !== SEVERAL && ca !== SEVERAL && other !== OTHER_MORE) {
      n = (cv !== UNCONSTRAINED && cv !== sv ? 1 : 0) + (ca !== UNCONSTRAINED && ca !== sa ? 1 : 0);
      if (n >= 2) continue;
    }
    let x = scratch.explainers[c];
    if (x === undefined) {
      x = scopeExplainer((index.entries[c] as ExceptionEntry).compiled);
      scratch.explainers[c] = x;
    }
    if (n === -1) n = countExplainedFailures(x, subject, keys.ids, 2);
    else if (other === OTHER_COMPONENTS && !componentsHold(x, subject.purl)) n++;
    if (n >= 2) continue;
    const e = index.entries[c] as ExceptionEntry;
    if (n === 0) {
      (full ??= []).push(c);
      if (applied === undefined && e.status === 'active') applied = c;
    } else if (n === 1) {
      (near ??= []).push(nearMiss(e, x, subject, keys.ids));
    }
  }
  if (full === undefined && near === undefined) return NO_DECISION;
  if (near !== undefined && near.length > 1) {
    near.sort(byExceptionId);
  }
  return applied === undefined
    ? { full: full ?? NONE, nearMisses: near ?? NONE }
    : { applied, full: full ?? NONE, nearMisses: near ?? NONE };
};

/**
 * The applied exception with the scope value each constrained dimension matched.
 * @internal
 */
export const appliedException = (
  e: ExceptionEntry,
  x: ScopeExplainer,
  subject: ScopeSubject,
  ids: SubjectIds | undefined,
): AppliedException => ({
  exception_id: e.exception_id,
  version: e.current.version,
  matched: scopeHits(x, subject, ids) as AppliedException['matched'],
});

/**
 * The candidate list: every full match in rank order with what happened to it.
 * @param vexDecided - a VEX statement decided the status, so the exception was not needed
 * @internal
 */
export const candidateList = (
  index: CandidateIndex,
  d: ExceptionDecision,
  vexDecided: boolean,
): Candidate[] =>
  d.full.map((c) => {
    const e = index.entries[c] as ExceptionEntry;
    return {
      exception_id: e.exception_id,
      version: e.current.version,
      status: e.status,
      result:
        e.status !== 'active'
          ? 'inactive'
          : c === d.applied
            ? vexDecided
              ? 'not_needed'
              : 'applied'
            : 'outranked',
    };
  });

// --- internal --------------------------------------------------------------

const byExceptionId = (a: NearMiss, b: NearMiss): number =>
  compareCodeUnits(a.exception_id, b.exception_id);

// A subject value no scope names: equal to no entry's number.
const ABSENT = -3;

// The number of a subject's only identifier; SEVERAL when it has aliases (then every
// candidate is tested against its scope); ABSENT without identifiers or when no scope names it.
const subjectCode = (numbers: ReadonlyMap<string, number>, ids: SubjectIds | undefined): number => {
  if (ids === undefined) return ABSENT;
  if (ids.size !== 1) return SEVERAL;
  for (const id of ids.keys()) return numbers.get(id) ?? ABSENT;
  return ABSENT;
};

// Most findings have no candidate: they share one empty decision.
const NONE: ReadonlyArray<never> = Object.freeze([]);
const NO_DECISION: ExceptionDecision = Object.freeze({ full: NONE, nearMisses: NONE });

const nearMiss = (
  e: ExceptionEntry,
  x: ScopeExplainer,
  subject: ScopeSubject,
  ids: SubjectIds | undefined,
): NearMiss => {
  const f = firstScopeFailure(x, subject, ids);
  if (f === undefined) throw new RangeError('a near miss has one failing dimension');
  return {
    exception_id: e.exception_id,
    version: e.current.version,
    status: e.status,
    dimension: f.dimension,
    reason: f.reason,
  };
};
