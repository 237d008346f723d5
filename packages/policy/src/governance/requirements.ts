/**
 * Which approval rules apply to an exception version, and what they require together
 * (docs/spec/governance-v1.md sections 4.1-4.3). Combination is order-independent (maxima,
 * minima, "any"); rule order only decides which rule is named in explanations.
 * @module
 */
import {
  analyzeBreadth,
  type Breadth,
  type EvidenceKind,
  type ExceptionProposal,
  type ExceptionType,
  type ReasonCode,
} from '@warrant/core';
import type { ApprovalRule, GovernanceConfig, RuleCondition } from './config';

// --- model -----------------------------------------------------------------

/** The facts of a version that rule conditions test. */
export interface ProposalFacts {
  readonly type: ExceptionType;
  readonly reason_code: ReasonCode;
  readonly risk_score: number;
  readonly breadth: Breadth;
  /** The runtime environments it may apply in; `any` when `envs` is absent or has a wildcard. */
  readonly envs: ReadonlyArray<string> | 'any';
  /** The policy rules it bypasses (empty when none are named). */
  readonly policy_rules: ReadonlyArray<string>;
}

/** A requirement value and the rule that set it (`undefined`: the configuration's baseline). */
export interface Sourced<T> {
  readonly value: T;
  readonly rule?: ApprovalRule;
}

/** What the applicable rules require together. */
export interface Requirements {
  /** Rules whose condition holds, in configuration order. */
  readonly matched: ReadonlyArray<ApprovalRule>;
  /** Distinct approvers needed (at least 1). */
  readonly approvals: Sourced<number>;
  /** Approvals needed per role, sorted by role name. */
  readonly roles: ReadonlyArray<Sourced<number> & { readonly role: string }>;
  /** Whether the requester may approve (forbidden unless a rule allows and none forbids). */
  readonly self_approval: Sourced<boolean>;
  /** Longest allowed duration in days. */
  readonly max_duration_days: Sourced<number>;
  /** Evidence requirements: each needs one evidence ref of one of its kinds. */
  readonly evidence: ReadonlyArray<{
    readonly kinds: ReadonlyArray<EvidenceKind>;
    readonly rule: ApprovalRule;
  }>;
  /** Compensating controls needed (0 when none). */
  readonly compensating_controls: Sourced<number>;
  /** Rules requiring `risk_acceptance.accepted: true`, a deployment intent, signed approvals. */
  readonly risk_acceptance?: ApprovalRule;
  readonly deployment_intent?: ApprovalRule;
  readonly signed_approvals?: ApprovalRule;
}

// --- operations ------------------------------------------------------------

/**
 * The facts of a proposal that conditions test (section 4.1).
 * @param p - proposal content
 * @returns the facts; breadth from core's breadth analysis
 * @example
 * proposalFacts(p).envs // ['prod'], or 'any'
 */
export const proposalFacts = (p: ExceptionProposal): ProposalFacts => {
  const envs = p.scope.environment?.envs;
  return {
    type: p.type,
    reason_code: p.reason_code,
    risk_score: p.risk_score,
    breadth: analyzeBreadth(p.type, p.scope).breadth,
    envs: envs === undefined || envs.some((e) => e.includes('*')) ? 'any' : envs,
    policy_rules: p.scope.policy_rules ?? [],
  };
};

/**
 * Whether a condition holds for some facts: every member present must hold (section 4.1).
 * @param when - the condition (undefined holds for every exception)
 * @param facts - the version's facts
 * @returns true when the rule applies
 * @example
 * conditionHolds({ envs_outside: ['dev'] }, { …, envs: 'any' }) // true: it may apply in prod
 */
export const conditionHolds = (when: RuleCondition | undefined, facts: ProposalFacts): boolean => {
  if (when === undefined) return true;
  const { envs } = facts;
  return (
    (when.envs === undefined || envs === 'any' || envs.some((e) => when.envs?.includes(e))) &&
    (when.envs_outside === undefined ||
      envs === 'any' ||
      envs.some((e) => !when.envs_outside?.includes(e))) &&
    (when.breadths === undefined || when.breadths.includes(facts.breadth)) &&
    (when.reason_codes === undefined || when.reason_codes.includes(facts.reason_code)) &&
    (when.types === undefined || when.types.includes(facts.type)) &&
    (when.policy_rules === undefined ||
      facts.policy_rules.some((r) => when.policy_rules?.includes(r))) &&
    (when.risk_score_above === undefined || facts.risk_score > when.risk_score_above)
  );
};

/**
 * What the configuration requires of a version (section 4.3).
 * @param config - the governance configuration
 * @param proposal - the version's content
 * @returns the combined requirements, each naming the rule that set it
 * @see docs/spec/governance-v1.md section 4.3
 * @example
 * requirementsFor(config, prodProposal).approvals // { value: 2, rule: prod-two-person }
 */
export const requirementsFor = (
  config: GovernanceConfig,
  proposal: ExceptionProposal,
): Requirements => {
  const facts = proposalFacts(proposal);
  const matched = config.rules.filter((r) => conditionHolds(r.when, facts));
  const max = (pick: (r: ApprovalRule) => number | undefined, floor: number): Sourced<number> => {
    let best: Sourced<number> = { value: floor };
    for (const r of matched) {
      const v = pick(r);
      if (v !== undefined && v > best.value) best = { value: v, rule: r };
    }
    return best;
  };
  let duration: Sourced<number> = { value: config.duration.max_days };
  for (const r of matched) {
    const v = r.require.max_duration_days;
    if (v !== undefined && v < duration.value) duration = { value: v, rule: r };
  }
  const roleNames = [...new Set(matched.flatMap((r) => Object.keys(r.require.roles ?? {})))].sort();
  const forbid = matched.find((r) => r.require.self_approval === 'forbidden');
  const allow = matched.find((r) => r.require.self_approval === 'allowed');
  const first = (key: 'risk_acceptance' | 'deployment_intent' | 'signed_approvals') =>
    matched.find((r) => r.require[key] === true);
  const optional = {
    ...withRule('risk_acceptance', first('risk_acceptance')),
    ...withRule('deployment_intent', first('deployment_intent')),
    ...withRule('signed_approvals', first('signed_approvals')),
  };
  return {
    matched,
    approvals: max((r) => r.require.approvals, 1),
    roles: roleNames.map((role) => ({ role, ...max((r) => r.require.roles?.[role], 0) })),
    self_approval:
      forbid !== undefined
        ? { value: false, rule: forbid }
        : allow !== undefined
          ? { value: true, rule: allow }
          : { value: false },
    max_duration_days: duration,
    evidence: matched.flatMap((r) =>
      r.require.evidence_kinds === undefined ? [] : [{ kinds: r.require.evidence_kinds, rule: r }],
    ),
    compensating_controls: max((r) => r.require.compensating_controls, 0),
    ...optional,
  };
};

// --- internal --------------------------------------------------------------

const withRule = <K extends string>(
  key: K,
  rule: ApprovalRule | undefined,
): Partial<Record<K, ApprovalRule>> =>
  (rule === undefined ? {} : { [key]: rule }) as Partial<Record<K, ApprovalRule>>;
