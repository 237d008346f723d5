/**
 * How far a version is from approval (docs/spec/governance-v1.md section 4.4): counts distinct
 * approvers and, per role, distinct approvers who acted with that role, and says in words what is
 * still missing ("needs 1 more approval from role cab").
 * @module
 */
import { describeCondition } from './describe';
import type { Requirements, Sourced } from './requirements';

// --- model -----------------------------------------------------------------

/** One missing part of the required approvals. */
export interface ApprovalShortfall {
  /** `approvals` (total distinct approvers) or `role`. */
  readonly kind: 'approvals' | 'role';
  /** The role, for `role` shortfalls. */
  readonly role?: string;
  /** How many more approvals are needed. */
  readonly needed: number;
  /** The id of the rule that requires it, if any (the baseline of 1 approval has none). */
  readonly rule?: string;
  /** The explanation, e.g. `needs 1 more approval from role cab (rule "cab-high-risk": risk score above 50)`. */
  readonly message: string;
}

/** Approval progress of one version. */
export interface ApprovalProgress {
  /** Whether every requirement is met. */
  readonly satisfied: boolean;
  /** Distinct approvers so far. */
  readonly approvers: number;
  /** What is missing: the total first, then roles by name. */
  readonly shortfalls: ReadonlyArray<ApprovalShortfall>;
}

// --- operations ------------------------------------------------------------

/**
 * Evaluates approvals against requirements.
 * @param requirements - from `requirementsFor`
 * @param approvals - the version's approvals (actor id and role); repeated ids count once
 * @returns whether satisfied and what is missing
 * @see docs/spec/governance-v1.md section 4.4
 * @example
 * approvalProgress(req, [{ id: 'bob', role: 'approver' }]).shortfalls[0]?.message
 * // 'needs 1 more approval from role security-reviewer (rule "vulnerability-security-review": …)'
 */
export const approvalProgress = (
  requirements: Requirements,
  approvals: ReadonlyArray<{ readonly id: string; readonly role: string }>,
): ApprovalProgress => {
  const ids = new Set(approvals.map((a) => a.id));
  const shortfalls: ApprovalShortfall[] = [];
  const total = requirements.approvals;
  if (ids.size < total.value) {
    const needed = total.value - ids.size;
    shortfalls.push({
      kind: 'approvals',
      needed,
      ...ruleId(total),
      message: `needs ${needed} more approval${needed === 1 ? '' : 's'}${because(total, `${total.value} required`)}`,
    });
  }
  for (const r of requirements.roles) {
    const have = new Set(approvals.filter((a) => a.role === r.role).map((a) => a.id)).size;
    if (have >= r.value) continue;
    const needed = r.value - have;
    shortfalls.push({
      kind: 'role',
      role: r.role,
      needed,
      ...ruleId(r),
      message: `needs ${needed} more approval${needed === 1 ? '' : 's'} from role ${r.role}${because(r, `${r.value} required`)}`,
    });
  }
  return { satisfied: shortfalls.length === 0, approvers: ids.size, shortfalls };
};

// --- internal --------------------------------------------------------------

const ruleId = (s: Sourced<number>): { rule?: string } =>
  s.rule === undefined ? {} : { rule: s.rule.id };

const because = (s: Sourced<number>, what: string): string =>
  s.rule === undefined
    ? ''
    : ` (${what} by rule "${s.rule.id}": ${describeCondition(s.rule.when)})`;
