/**
 * Gates (docs/spec/verdict-v1.md section 8): data that turns decisions into an outcome. A gate
 * applies in an environment, is triggered by the open findings or open violations it names, and
 * a triggered gate fails or warns. The outcome is `fail` if a triggered applicable gate fails,
 * else `warn` if one warns, else `pass`.
 * @module
 */
import {
  compareSeverity,
  envValueMatches,
  type EnvironmentFacts,
  type Severity,
} from '@warrant/core';
import type { FindingStatus, GateResult } from '../verdict';
import type { Gate } from './policy-config';

// --- operations ------------------------------------------------------------

/**
 * Whether a gate applies in the evaluation's environment: it has no `envs`, or the context has
 * no `env` (an unknown environment gets every gate: gates fail safe), or some `envs` pattern
 * matches the context's `env`.
 * @param gate - the gate
 * @param context - the evaluation's environment facts
 * @returns true when it applies
 * @see docs/spec/verdict-v1.md section 8.1
 * @example
 * gateApplies({ id: 'g', kind: 'unknown_state', action: 'fail', envs: ['prod'] }, { env: 'dev' }) // false
 */
export const gateApplies = (gate: Gate, context: EnvironmentFacts): boolean =>
  gate.envs === undefined ||
  context.env === undefined ||
  gate.envs.some((p) => envValueMatches(p, context.env as string));

/**
 * Whether a finding triggers a gate: only open findings do; a severity gate by a level at or
 * above its threshold (never `unknown`); an unknown-state gate by level `unknown`.
 * @param gate - the gate
 * @param status - the finding's effective status
 * @param severity - the finding's severity level
 * @returns true when triggered
 * @see docs/spec/verdict-v1.md section 8.2
 * @example
 * findingTriggers({ id: 'g', kind: 'severity', at_or_above: 'high', action: 'fail' }, 'open', 'critical') // true
 */
export const findingTriggers = (gate: Gate, status: FindingStatus, severity: Severity): boolean => {
  if (status !== 'open') return false;
  if (gate.kind === 'severity') {
    return severity !== 'unknown' && compareSeverity(severity, gate.at_or_above) <= 0;
  }
  return gate.kind === 'unknown_state' && severity === 'unknown';
};

/**
 * Whether a violation triggers a gate: an open violation of a rule a policy-rule gate lists.
 * @param gate - the gate
 * @param status - the violation's status
 * @param ruleId - the violated rule
 * @returns true when triggered
 * @see docs/spec/verdict-v1.md section 8.2
 * @example
 * violationTriggers({ id: 'g', kind: 'policy_rule', rules: ['unsigned-artifact'], action: 'fail' }, 'open', 'unsigned-artifact') // true
 */
export const violationTriggers = (
  gate: Gate,
  status: 'open' | 'excepted',
  ruleId: string,
): boolean => status === 'open' && gate.kind === 'policy_rule' && gate.rules.includes(ruleId);

/**
 * Combines gate results into the outcome.
 * @param results - every gate's result
 * @returns `fail`, `warn` or `pass`
 * @see docs/spec/verdict-v1.md section 8.3
 * @example
 * outcomeOf([{ applies: true, triggered: true, action: 'warn', … }]) // 'warn'
 */
export const outcomeOf = (results: ReadonlyArray<GateResult>): 'pass' | 'warn' | 'fail' => {
  let out: 'pass' | 'warn' | 'fail' = 'pass';
  for (const r of results) {
    if (!r.applies || !r.triggered) continue;
    if (r.action === 'fail') return 'fail';
    out = 'warn';
  }
  return out;
};
