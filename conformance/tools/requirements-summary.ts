// The projection of `requirementsFor` that conformance/governance/requirements.json records:
// rule ids instead of rule objects, so that another implementation compares ids and values.
// Shared by the generator and the test, so that what is written is what is checked.
import type { Requirements } from '@warrant/policy';

/** The recorded form of a proposal's requirements (see docs/spec/governance-v1.md). */
export const requirementsSummary = (r: Requirements) => ({
  matched: r.matched.map((x) => x.id),
  approvals: { value: r.approvals.value, rule: r.approvals.rule?.id ?? null },
  roles: r.roles.map((x) => ({ role: x.role, value: x.value, rule: x.rule?.id ?? null })),
  self_approval: { value: r.self_approval.value, rule: r.self_approval.rule?.id ?? null },
  max_duration_days: {
    value: r.max_duration_days.value,
    rule: r.max_duration_days.rule?.id ?? null,
  },
  evidence: r.evidence.map((e) => ({ kinds: e.kinds, rule: e.rule.id })),
  compensating_controls: {
    value: r.compensating_controls.value,
    rule: r.compensating_controls.rule?.id ?? null,
  },
  risk_acceptance: r.risk_acceptance?.id ?? null,
  deployment_intent: r.deployment_intent?.id ?? null,
  signed_approvals: r.signed_approvals?.id ?? null,
});
