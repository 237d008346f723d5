/**
 * Exception precedence (docs/spec/verdict-v1.md section 6.3): when several active exceptions
 * match one subject, the most specific applies. Specificity is compared on a key computed from
 * the scope alone, so every evaluator ranks exceptions the same way whatever the input order.
 * @module
 */
import {
  analyzeBreadth,
  compareCodeUnits,
  type CompiledScope,
  type ExceptionType,
} from '@warrant/core';

// --- model -----------------------------------------------------------------

/** The precedence key of an exception; smaller keys win. */
export interface PrecedenceKey {
  /** Breadth score (exception-v1 section 8): lower is narrower. */
  readonly breadth: number;
  /** Number of constrained scope dimensions: more is more specific. */
  readonly dimensions: number;
  /** Number of values over the constrained dimensions: fewer is more specific. */
  readonly values: number;
  /** The stable tie-break. */
  readonly exception_id: string;
}

// --- operations ------------------------------------------------------------

/**
 * Computes the precedence key of an exception's current version.
 * @param type - its exception type
 * @param compiled - its compiled scope
 * @param exceptionId - its id
 * @returns the key
 * @see docs/spec/verdict-v1.md section 6.3
 * @example
 * precedenceKey('vulnerability', compileScope(scope), 'exc-1') // { breadth: 0, dimensions: 4, values: 4, exception_id: 'exc-1' }
 */
export const precedenceKey = (
  type: ExceptionType,
  compiled: CompiledScope,
  exceptionId: string,
): PrecedenceKey => {
  let values = 0;
  for (const d of compiled.constrained) values += compiled.values[d]?.length ?? 0;
  return {
    breadth: analyzeBreadth(type, compiled.scope).score,
    dimensions: compiled.constrained.length,
    values,
    exception_id: exceptionId,
  };
};

/**
 * Orders precedence keys: lower breadth score, then more constrained dimensions, then fewer
 * values, then exception id in UTF-16 code-unit order.
 * @param a - a key
 * @param b - a key
 * @returns negative when `a` takes precedence
 * @see docs/spec/verdict-v1.md section 6.3
 * @example
 * [k2, k1].sort(comparePrecedence)[0] // the most specific
 */
export const comparePrecedence = (a: PrecedenceKey, b: PrecedenceKey): number =>
  a.breadth - b.breadth ||
  b.dimensions - a.dimensions ||
  a.values - b.values ||
  compareCodeUnits(a.exception_id, b.exception_id);
