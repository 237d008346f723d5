/**
 * The default governance configuration (docs/spec/governance-v1.md section 8): self-approval only
 * in dev; two distinct approvers, neither the requester, for prod or broad scopes; a security
 * reviewer for vulnerability exceptions outside dev; CAB for cross-boundary deployments,
 * privileged tooling, risk above 50 and business exceptions; 90 days by default, at most 90 in
 * prod and 180 elsewhere; renewals at most 90 days past the expiry they extend; evidence,
 * controls and risk sign-off per reason code.
 * @module
 */
import type { ApprovalRule, GovernanceConfig } from './config';

/** Who may act with each role of the default configuration. */
export interface DefaultRoleMembers {
  /** Ordinary approvers (engineering leads, owners' managers). */
  readonly approver: ReadonlyArray<string>;
  /** Security reviewers: required for vulnerability exceptions outside dev; may revoke. */
  readonly 'security-reviewer': ReadonlyArray<string>;
  /** Change advisory board members: required for cross-boundary, privileged and high-risk exceptions. */
  readonly cab: ReadonlyArray<string>;
}

/** The rules of the default configuration, in order (section 8 explains each). */
export const DEFAULT_RULES: ReadonlyArray<ApprovalRule> = [
  rule(
    'dev-self-approval',
    'In dev the requester may approve their own exception.',
    { envs: ['dev'] },
    { self_approval: 'allowed' },
  ),
  rule(
    'no-self-approval-outside-dev',
    'Outside dev nobody approves their own exception.',
    { envs_outside: ['dev'] },
    { self_approval: 'forbidden' },
  ),
  rule(
    'prod-two-person',
    'Prod: two distinct approvers, neither the requester; at most 90 days.',
    { envs: ['prod'] },
    { approvals: 2, self_approval: 'forbidden', max_duration_days: 90 },
  ),
  rule(
    'broad-two-person',
    'Broad scopes: two distinct approvers, neither the requester.',
    { breadths: ['broad'] },
    { approvals: 2, self_approval: 'forbidden' },
  ),
  rule(
    'vulnerability-security-review',
    'Vulnerability exceptions outside dev need a security reviewer.',
    { envs_outside: ['dev'], types: ['vulnerability'] },
    { roles: { 'security-reviewer': 1 } },
  ),
  rule(
    'cab-cross-boundary',
    'Cross-boundary deployments need CAB approval.',
    { policy_rules: ['cross-boundary-deployment'] },
    { roles: { cab: 1 } },
  ),
  rule(
    'cab-privileged-tooling',
    'Privileged tooling needs CAB approval.',
    { policy_rules: ['privileged-tooling'] },
    { roles: { cab: 1 } },
  ),
  rule(
    'cab-high-risk',
    'Risk scores above 50 need CAB approval.',
    { risk_score_above: 50 },
    { roles: { cab: 1 } },
  ),
  rule(
    'policy-compensating-controls',
    'Policy bypasses outside dev need a compensating control.',
    { envs_outside: ['dev'], types: ['policy'] },
    { compensating_controls: 1 },
  ),
  rule(
    'false-positive-evidence',
    'A false positive is shown by a scan, VEX, advisory or reachability analysis.',
    { reason_codes: ['FALSE_POSITIVE'] },
    { evidence_kinds: ['advisory', 'reachability', 'scan', 'vex'] },
  ),
  rule(
    'not-reachable-evidence',
    'Not reachable needs reachability evidence.',
    { reason_codes: ['NOT_REACHABLE'] },
    { evidence_kinds: ['reachability'] },
  ),
  rule(
    'not-affected-vex',
    'Not affected needs a VEX statement.',
    { reason_codes: ['NOT_AFFECTED'] },
    { evidence_kinds: ['vex'] },
  ),
  rule(
    'backport-evidence',
    'A backported fix needs the advisory or the patch.',
    { reason_codes: ['BACKPORT_FIXED'] },
    { evidence_kinds: ['advisory', 'patch'] },
  ),
  rule(
    'compensating-control-evidence',
    'A compensating control is described and evidenced.',
    { reason_codes: ['COMPENSATING_CONTROL'] },
    { compensating_controls: 1, evidence_kinds: ['control'] },
  ),
  rule(
    'risk-accepted-signoff',
    'Accepted risk is stated explicitly.',
    { reason_codes: ['RISK_ACCEPTED'] },
    { risk_acceptance: true },
  ),
  rule(
    'workaround-plan',
    'A temporary workaround links its mitigation plan and is a control.',
    { reason_codes: ['TEMPORARY_WORKAROUND'] },
    { compensating_controls: 1, evidence_kinds: ['mitigation', 'ticket'] },
  ),
  rule(
    'vendor-pending-tracking',
    'Vendor pending links the advisory or tracking ticket.',
    { reason_codes: ['VENDOR_PENDING'] },
    { evidence_kinds: ['advisory', 'ticket'] },
  ),
  rule(
    'business-exception-cab',
    'Business exceptions are rare: two approvers including CAB, risk accepted.',
    { reason_codes: ['BUSINESS_EXCEPTION'] },
    { approvals: 2, roles: { cab: 1 }, self_approval: 'forbidden', risk_acceptance: true },
  ),
];

/**
 * Builds the default configuration with the host's role members.
 * @param members - who may act as approver, security-reviewer and cab (each at least one id)
 * @returns the configuration (validate it with `decodeGovernance` if members come from input)
 * @see docs/spec/governance-v1.md section 8
 * @example
 * const config = defaultGovernance({ approver: ['bob@example.com'], 'security-reviewer': ['sec@example.com'], cab: ['cab@example.com'] });
 */
export const defaultGovernance = (members: DefaultRoleMembers): GovernanceConfig => ({
  schema: 'warrant.governance/v1',
  roles: {
    approver: [...members.approver].sort(),
    cab: [...members.cab].sort(),
    'security-reviewer': [...members['security-reviewer']].sort(),
  },
  rules: DEFAULT_RULES,
  duration: { default_days: 90, max_days: 180 },
  renewal: { max_extension_days: 90 },
  service_approvals: false,
  revoke_roles: ['security-reviewer'],
});

// --- internal --------------------------------------------------------------

function rule(
  id: string,
  description: string,
  when: NonNullable<ApprovalRule['when']>,
  require: ApprovalRule['require'],
): ApprovalRule {
  return { id, description, when, require };
}
