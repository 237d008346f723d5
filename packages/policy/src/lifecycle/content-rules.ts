/**
 * Governance checks of a version's content (docs/spec/governance-v1.md section 5): expiry in the
 * future and within the maximum duration, evidence kinds, compensating controls, explicit risk
 * acceptance, a deployment intent. Run on propose, amend, renew and again at approval time, so
 * the configuration in force when a version is approved is the one it satisfies.
 * @module
 */
import {
  compareTimestamps,
  isLaterThanDaysAfter,
  type ExceptionProposal,
  type Timestamp,
} from '@warrant/core';
import { describeCondition } from '../governance/describe';
import type { Requirements, Sourced } from '../governance/requirements';
import { refusal, type Refusal } from './errors';

/**
 * Every content refusal of a version at an instant.
 * @param content - the version's content
 * @param requirements - `requirementsFor(config, content)`
 * @param at - the command's instant
 * @param prefix - path of the content inside the command, e.g. `$.proposal`
 * @returns the refusals, in the order of section 5 (empty when the content complies)
 * @see docs/spec/governance-v1.md section 5
 * @example
 * contentRefusals(p, req, at, '$.proposal')[0]?.message // 'expires_at exceeds maximum of 90 days for env prod (rule "prod-two-person")'
 */
export const contentRefusals = (
  content: ExceptionProposal,
  requirements: Requirements,
  at: Timestamp,
  prefix: string,
): ReadonlyArray<Refusal> => {
  const out: Refusal[] = [];
  if (compareTimestamps(content.expires_at, at) <= 0) {
    out.push(
      refusal(
        'POLICY_EXPIRY_NOT_IN_FUTURE',
        `${prefix}.expires_at`,
        `expires_at ${content.expires_at} is not after ${at}`,
      ),
    );
  }
  const start =
    content.valid_from !== undefined && compareTimestamps(content.valid_from, at) > 0
      ? content.valid_from
      : at;
  const max = requirements.max_duration_days;
  if (isLaterThanDaysAfter(content.expires_at, start, max.value)) {
    out.push(
      refusal(
        'POLICY_DURATION_EXCEEDED',
        `${prefix}.expires_at`,
        `expires_at exceeds maximum of ${max.value} days ${forWhom(max)}`,
        max.rule?.id,
      ),
    );
  }
  const kinds = new Set((content.evidence_refs ?? []).map((e) => e.kind));
  for (const ev of requirements.evidence) {
    if (ev.kinds.some((k) => kinds.has(k))) continue;
    out.push(
      refusal(
        'POLICY_EVIDENCE_REQUIRED',
        `${prefix}.evidence_refs`,
        `needs evidence of kind ${ev.kinds.join(' or ')} for ${describeCondition(ev.rule.when)} (rule "${ev.rule.id}")`,
        ev.rule.id,
      ),
    );
  }
  const controls = requirements.compensating_controls;
  const have = content.compensating_controls?.length ?? 0;
  if (have < controls.value) {
    out.push(
      refusal(
        'POLICY_COMPENSATING_CONTROLS_REQUIRED',
        `${prefix}.compensating_controls`,
        `needs at least ${controls.value} compensating control${controls.value === 1 ? '' : 's'} ${forWhom(controls)}`,
        controls.rule?.id,
      ),
    );
  }
  const ra = requirements.risk_acceptance;
  if (ra !== undefined && !content.risk_acceptance.accepted) {
    out.push(
      refusal(
        'POLICY_RISK_ACCEPTANCE_REQUIRED',
        `${prefix}.risk_acceptance.accepted`,
        `needs risk_acceptance.accepted true with a statement for ${describeCondition(ra.when)} (rule "${ra.id}")`,
        ra.id,
      ),
    );
  }
  const di = requirements.deployment_intent;
  if (di !== undefined && content.deployment_intent === undefined) {
    out.push(
      refusal(
        'POLICY_DEPLOYMENT_INTENT_REQUIRED',
        `${prefix}.deployment_intent`,
        `needs a deployment_intent for ${describeCondition(di.when)} (rule "${di.id}")`,
        di.id,
      ),
    );
  }
  return out;
};

// --- internal --------------------------------------------------------------

const forWhom = (s: Sourced<number>): string =>
  s.rule === undefined
    ? "(the configuration's duration.max_days)"
    : `for ${describeCondition(s.rule.when)} (rule "${s.rule.id}")`;
