/**
 * Why an evaluation could not run (docs/spec/verdict-v1.md section 10): the inputs are
 * malformed or inconsistent. Every problem is reported with its path, none is skipped.
 * @module
 */
import type { DecodeIssue, WarrantError } from '@warrant/core';

/** Codes of evaluation errors. */
export type EvaluationErrorCode = 'POLICY_EVALUATION_INPUT_INVALID';

/** An evaluation input problem: the first as `message`/`path`, every one in `issues`. */
export interface EvaluationError extends WarrantError<EvaluationErrorCode> {
  readonly path: string;
  readonly issues: ReadonlyArray<DecodeIssue>;
}

/**
 * Builds the error from its issues (at least one).
 * @internal
 */
export const evaluationError = (issues: ReadonlyArray<DecodeIssue>): EvaluationError => {
  const first = issues[0] as DecodeIssue;
  return {
    code: 'POLICY_EVALUATION_INPUT_INVALID',
    message: `evaluation input invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}): ${first.message}`,
    path: first.path,
    issues,
  };
};
