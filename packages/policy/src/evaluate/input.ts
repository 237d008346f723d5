/**
 * The inputs of an evaluation (docs/spec/verdict-v1.md section 4): findings, exception event
 * histories, VEX statements, policy-rule violations, the policy (gates and VEX trust), the
 * knowledge snapshot (alias sources), the environment facts and `now`. Nothing else is read:
 * no clock, no randomness, no environment variables.
 * @module
 */
import type * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import {
  closedObject,
  decodeWith,
  EnvironmentFacts,
  Finding,
  Timestamp,
  VexStatement,
  type DecodeError,
} from '@warrant/core';
import { EvaluationPolicy, PolicyViolation } from './policy-config';

// --- model -----------------------------------------------------------------

/** One alias source: an identifier and the identifiers that are the same vulnerability. */
export const AliasSource = t.strict({ id: t.string, aliases: t.array(t.string) }, 'AliasSource');
/** One alias source. */
export type AliasSource = t.TypeOf<typeof AliasSource>;

/** The knowledge snapshot: alias sources (OSV records' `id`/`aliases`, or any other). */
export const Knowledge = closedObject('Knowledge', {}, { aliases: t.array(AliasSource) });
/** The knowledge snapshot. */
export type Knowledge = t.TypeOf<typeof Knowledge>;

/** Everything `evaluate` reads. */
export const EvaluationInput = closedObject(
  'EvaluationInput',
  {
    findings: t.array(Finding),
    /** One event history (exception events in log order) per exception. */
    exceptions: t.array(t.array(t.unknown)),
    policy: EvaluationPolicy,
    now: Timestamp,
  },
  {
    vex: t.array(VexStatement),
    violations: t.array(PolicyViolation),
    knowledge: Knowledge,
    context: EnvironmentFacts,
  },
);
/** Everything `evaluate` reads. */
export type EvaluationInput = t.TypeOf<typeof EvaluationInput>;

// --- operations ------------------------------------------------------------

/**
 * Decodes untrusted evaluation input (e.g. one JSON document holding everything).
 * @param input - parsed JSON
 * @returns the typed input, or `POLICY_EVALUATION_INPUT_INVALID` with every problem and path
 * @see docs/spec/verdict-v1.md section 4
 * @example
 * decodeEvaluationInput({ findings: [], exceptions: [], policy, now: '2026-01-01T00:00:00Z' })
 */
export const decodeEvaluationInput = (
  input: unknown,
): E.Either<DecodeError<'POLICY_EVALUATION_INPUT_INVALID'>, EvaluationInput> =>
  decodeWith(EvaluationInput, input, 'POLICY_EVALUATION_INPUT_INVALID', 'evaluation input');
