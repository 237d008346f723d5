/**
 * Deciding which exception applies to one subject (docs/spec/verdict-v1.md section 6): the
 * candidates from the index are tested cheaply; those matching every dimension are the
 * candidates (the best-ranked active one applies), those failing exactly one are near misses
 * and get the failing dimension's explanation.
 * @module
 */
import {
  compareCodeUnits,
  countScopeFailures,
  explainScopeDimension,
  type ScopeSubject,
  type SubjectIds,
} from '@warrant/core';
import type { AppliedException, Candidate, NearMiss } from '../verdict';
import { candidatesOf, type CandidateIndex, type SubjectKeys } from './candidate-index';
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
  readonly memos: Array<Array<Map<string, boolean>> | undefined>;
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
  memos: new Array(index.entries.length),
  token: 0,
});

/**
 * Decides a subject against the index.
 * @param index - the candidate index
 * @param scratch - scratch state
 * @param subject - the subject
 * @param keys - its index keys
 * @param fits - whether an exception's type applies to this subject
 * @returns full matches, the applied one (best-ranked active full match) and near misses
 * @see docs/spec/verdict-v1.md section 6
 * @internal
 */
export const decideExceptions = (
  index: CandidateIndex,
  scratch: DecideScratch,
  subject: ScopeSubject,
  keys: SubjectKeys,
  fits: (e: ExceptionEntry) => boolean,
): ExceptionDecision => {
  scratch.token++;
  const cands = candidatesOf(index, keys, scratch.stamp, scratch.token);
  if (cands.length === 0) return NO_DECISION;
  const full: number[] = [];
  let near: NearMiss[] | undefined;
  let applied: number | undefined;
  for (const c of cands) {
    const e = index.entries[c] as ExceptionEntry;
    if (!fits(e)) continue;
    let memos = scratch.memos[c];
    if (memos === undefined && e.compiled.components.length > 0) {
      memos = e.compiled.components.map(() => new Map<string, boolean>());
      scratch.memos[c] = memos;
    }
    const n = countScopeFailures(e.compiled, subject, keys.ids, 2, memos);
    if (n === 0) {
      full.push(c);
      if (applied === undefined && e.status === 'active') applied = c;
    } else if (n === 1) {
      (near ??= []).push(nearMiss(e, subject, keys.ids));
    }
  }
  if (near !== undefined && near.length > 1) {
    near.sort((a, b) => compareCodeUnits(a.exception_id, b.exception_id));
  }
  return {
    ...(applied === undefined ? {} : { applied }),
    full,
    nearMisses: near ?? [],
  };
};

/**
 * The applied exception with the scope value each constrained dimension matched.
 * @internal
 */
export const appliedException = (
  e: ExceptionEntry,
  subject: ScopeSubject,
  ids: SubjectIds | undefined,
): AppliedException => ({
  exception_id: e.exception_id,
  version: e.current.version,
  matched: e.compiled.constrained.map((d) => {
    const m = explainScopeDimension(e.compiled, d, subject, ids);
    return {
      dimension: d,
      value: m.matched as string,
      ...(m.via === undefined ? {} : { via: m.via }),
    };
  }),
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

// Most findings have no candidate: they share one empty decision.
const NO_DECISION: ExceptionDecision = Object.freeze({ full: [], nearMisses: [] });

const nearMiss = (
  e: ExceptionEntry,
  subject: ScopeSubject,
  ids: SubjectIds | undefined,
): NearMiss => {
  for (const d of e.compiled.constrained) {
    const m = explainScopeDimension(e.compiled, d, subject, ids);
    if (m.outcome === 'not_matched') {
      return {
        exception_id: e.exception_id,
        version: e.current.version,
        status: e.status,
        dimension: d,
        reason: m.reason,
      };
    }
  }
  throw new RangeError('a near miss has one failing dimension');
};
