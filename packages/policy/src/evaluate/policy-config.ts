/**
 * The evaluation policy as data (docs/spec/verdict-v1.md section 3): which VEX issuers are
 * trusted and which gates decide the outcome (fail on open findings at or above a severity,
 * on unknown-state findings, on violations of named policy rules), each gate optionally limited
 * to environments. Also the policy-rule violation facts a host supplies.
 * @module
 */
import type * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import {
  closedObject,
  decodeWith,
  EnvValue,
  EnvironmentFacts,
  literalUnion,
  Name,
  setOf,
  Sha256Digest,
  Text,
  type DecodeError,
} from '@warrant/core';

// --- model -----------------------------------------------------------------

/** Schema identifier of evaluation policies. */
export const POLICY_SCHEMA = 'warrant.policy/v1';

/** What a triggered gate does to the outcome. */
export const GateAction = literalUnion('GateAction', ['fail', 'warn'] as const);
/** What a triggered gate does to the outcome. */
export type GateAction = t.TypeOf<typeof GateAction>;

/** Severity thresholds a severity gate may name (`unknown` has its own gate). */
export const GATE_SEVERITIES = ['critical', 'high', 'medium', 'low', 'negligible'] as const;

/** Triggered by an open finding whose severity is `at_or_above` or more severe. */
export const SeverityGate = closedObject(
  'SeverityGate',
  {
    id: Name,
    kind: literalUnion('SeverityGateKind', ['severity'] as const),
    at_or_above: literalUnion('GateSeverity', GATE_SEVERITIES),
    action: GateAction,
  },
  { envs: setOf(EnvValue, 'EnvValues') },
);
/** A severity gate. */
export type SeverityGate = t.TypeOf<typeof SeverityGate>;

/** Triggered by an open finding whose severity is `unknown`. */
export const UnknownStateGate = closedObject(
  'UnknownStateGate',
  {
    id: Name,
    kind: literalUnion('UnknownStateGateKind', ['unknown_state'] as const),
    action: GateAction,
  },
  { envs: setOf(EnvValue, 'EnvValues') },
);
/** An unknown-state gate. */
export type UnknownStateGate = t.TypeOf<typeof UnknownStateGate>;

/** Triggered by an open (not excepted) violation of one of `rules`. */
export const PolicyRuleGate = closedObject(
  'PolicyRuleGate',
  {
    id: Name,
    kind: literalUnion('PolicyRuleGateKind', ['policy_rule'] as const),
    rules: setOf(Name, 'PolicyRuleIds'),
    action: GateAction,
  },
  { envs: setOf(EnvValue, 'EnvValues') },
);
/** A policy-rule gate. */
export type PolicyRuleGate = t.TypeOf<typeof PolicyRuleGate>;

/** Any gate. */
export type Gate = SeverityGate | UnknownStateGate | PolicyRuleGate;

/** VEX trust: statements count only when their `issuer` is listed (exact, case-sensitive). */
export const VexTrust = closedObject(
  'VexTrust',
  { trusted_issuers: setOf(Name, 'TrustedIssuers') },
  {},
);
/** VEX trust configuration. */
export type VexTrust = t.TypeOf<typeof VexTrust>;

/** The evaluation policy: gates (unique ids) and VEX trust. */
export const EvaluationPolicy = closedObject(
  'EvaluationPolicy',
  {
    schema: literalUnion('PolicySchema', [POLICY_SCHEMA] as const),
    gates: setOf(GateCodec(), 'Gates'),
  },
  { vex: VexTrust },
  (p) => {
    const seen = new Set<string>();
    const out: Array<{ path: ReadonlyArray<string>; message: string }> = [];
    for (const g of p.gates) {
      if (seen.has(g.id))
        out.push({ path: ['gates'], message: `expected each gate id once: ${g.id}` });
      seen.add(g.id);
    }
    return out;
  },
);
/** The evaluation policy. */
export type EvaluationPolicy = t.TypeOf<typeof EvaluationPolicy>;

/**
 * A policy-rule violation fact supplied by the host (artifact unsigned, cross-boundary
 * deployment…). Policy-type exceptions cover it by rule id and scope.
 */
export const PolicyViolation = closedObject(
  'PolicyViolation',
  { rule_id: Name, detail: Text },
  { artifact: Sha256Digest, environment: EnvironmentFacts },
);
/** A policy-rule violation fact. */
export type PolicyViolation = t.TypeOf<typeof PolicyViolation>;

// --- operations ------------------------------------------------------------

/**
 * Decodes an untrusted evaluation policy.
 * @param input - parsed JSON
 * @returns the policy (sets normalized), or `POLICY_EVALUATION_POLICY_INVALID` with every problem
 * @see docs/spec/verdict-v1.md section 3
 * @example
 * decodeEvaluationPolicy({ schema: 'warrant.policy/v1', gates: [{ id: 'no-critical', kind: 'severity', at_or_above: 'critical', action: 'fail' }] })
 */
export const decodeEvaluationPolicy = (
  input: unknown,
): E.Either<DecodeError<'POLICY_EVALUATION_POLICY_INVALID'>, EvaluationPolicy> =>
  decodeWith(EvaluationPolicy, input, 'POLICY_EVALUATION_POLICY_INVALID', 'evaluation policy');

// --- internal --------------------------------------------------------------

// A union by `kind`: decoding reports the problems of the gate kind the input names.
function GateCodec(): t.Type<Gate, unknown, unknown> {
  const byKind: Record<string, t.Type<Gate, unknown, unknown>> = {
    severity: SeverityGate as unknown as t.Type<Gate, unknown, unknown>,
    unknown_state: UnknownStateGate as unknown as t.Type<Gate, unknown, unknown>,
    policy_rule: PolicyRuleGate as unknown as t.Type<Gate, unknown, unknown>,
  };
  const pick = (u: unknown): t.Type<Gate, unknown, unknown> | undefined => {
    const kind =
      typeof u === 'object' && u !== null ? (u as Record<string, unknown>)['kind'] : undefined;
    return typeof kind === 'string' && Object.hasOwn(byKind, kind) ? byKind[kind] : undefined;
  };
  return new t.Type<Gate, unknown, unknown>(
    'Gate',
    (u): u is Gate => pick(u)?.is(u) ?? false,
    (u, c) =>
      pick(u)?.validate(u, c) ??
      t.failure(u, c, 'expected a gate whose kind is severity, unknown_state or policy_rule'),
    (g) => (pick(g) as t.Type<Gate, unknown, unknown>).encode(g),
  );
}
