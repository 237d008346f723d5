/**
 * Governance configuration (docs/spec/governance-v1.md sections 2-5): roles and who may hold
 * them, approval rules as data (conditions on environment, breadth, reason code, type, policy
 * rules and risk score; requirements on approvals, roles, self-approval, duration, evidence,
 * controls, risk acceptance, signatures), durations and renewal limits.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import {
  BREADTHS,
  closedObject,
  decodeWith,
  digestCanonical,
  EvidenceKind,
  ExceptionType,
  literalUnion,
  Name,
  ReasonCode,
  recordOf,
  RiskScore,
  setOf,
  showValue,
  Text,
  type ClosedType,
  type DecodeError,
  type Sha256Digest,
  type Violation,
} from '@warrant/core';

// --- model -----------------------------------------------------------------

/** Schema identifier of governance configurations. */
export const GOVERNANCE_SCHEMA = 'warrant.governance/v1';

/** A small positive count (1-100): approvals, role approvals, controls. */
export const Count = boundedInt('Count', 1, 100);
/** A number of days (1-3650). */
export const Days = boundedInt('Days', 1, 3650);

const CONDITION_MEMBERS = {
  envs: setOf(Name, 'EnvNames'),
  envs_outside: setOf(Name, 'EnvNames'),
  breadths: setOf(literalUnion('Breadth', BREADTHS), 'Breadths'),
  reason_codes: setOf(ReasonCode, 'ReasonCodes'),
  types: setOf(ExceptionType, 'ExceptionTypes'),
  policy_rules: setOf(Name, 'PolicyRuleIds'),
  risk_score_above: RiskScore,
};

/** When a rule applies: every member present must hold (section 4.1). */
export const RuleCondition = closedObject('RuleCondition', {}, CONDITION_MEMBERS, (c) =>
  Object.keys(c).length === 0
    ? [{ path: [], message: 'expected a condition (omit "when" to match every exception)' }]
    : [],
);
/** When a rule applies. */
export type RuleCondition = ClosedType<Record<never, t.Mixed>, typeof CONDITION_MEMBERS>;

/** Role name to number of approvals required from holders of that role. */
export const RoleCounts = recordOf(Name, Count, 'RoleCounts');

const REQUIREMENT_MEMBERS = {
  approvals: Count,
  roles: RoleCounts,
  self_approval: literalUnion('SelfApproval', ['allowed', 'forbidden'] as const),
  max_duration_days: Days,
  evidence_kinds: setOf(EvidenceKind, 'EvidenceKinds'),
  compensating_controls: Count,
  risk_acceptance: t.literal(true),
  signed_approvals: t.literal(true),
  deployment_intent: t.literal(true),
};

/** What a rule requires when it applies (section 4.2). */
export const RuleRequirement = closedObject('RuleRequirement', {}, REQUIREMENT_MEMBERS, (r) => {
  const out: Violation[] = [];
  if (Object.keys(r).length === 0)
    out.push({ path: [], message: 'expected at least one requirement' });
  if (r.roles !== undefined && Object.keys(r.roles).length === 0) {
    out.push({
      path: ['roles'],
      message: 'expected at least one role (omit "roles" instead of {})',
    });
  }
  return out;
});
/** What a rule requires when it applies. */
export type RuleRequirement = ClosedType<Record<never, t.Mixed>, typeof REQUIREMENT_MEMBERS>;

/** One approval rule: an id, an optional description, a condition and requirements. */
export const ApprovalRule = closedObject(
  'ApprovalRule',
  { id: Name, require: RuleRequirement },
  { description: Text, when: RuleCondition },
);
/** One approval rule. */
export type ApprovalRule = t.TypeOf<typeof ApprovalRule>;

const GOVERNANCE_REQUIRED = {
  schema: literalUnion('GovernanceSchema', [GOVERNANCE_SCHEMA] as const),
  roles: recordOf(Name, setOf(Name, 'RoleMembers'), 'Roles'),
  rules: t.readonlyArray(ApprovalRule, 'ApprovalRules'),
  duration: closedObject('Duration', { default_days: Days, max_days: Days }, {}),
  renewal: closedObject('Renewal', { max_extension_days: Days }, {}),
};
const GOVERNANCE_OPTIONAL = {
  service_approvals: t.boolean,
  revoke_roles: setOf(Name, 'RoleNames'),
  amend_roles: setOf(Name, 'RoleNames'),
};

/** A governance configuration. */
export const GovernanceConfig = closedObject(
  'GovernanceConfig',
  GOVERNANCE_REQUIRED,
  GOVERNANCE_OPTIONAL,
  (g) => checkGovernance(g),
);
/** A governance configuration. */
export type GovernanceConfig = t.TypeOf<typeof GovernanceConfig>;

/** Why a governance configuration was refused. */
export type GovernanceError = DecodeError<'POLICY_GOVERNANCE_INVALID'>;

// --- operations ------------------------------------------------------------

/**
 * Decodes an untrusted governance configuration, checking every rule of the spec.
 * @param input - parsed JSON
 * @returns the configuration, or `POLICY_GOVERNANCE_INVALID` with every problem and its path
 * @see docs/spec/governance-v1.md section 2
 * @example
 * decodeGovernance(JSON.parse(text)) // right(config) | left({ code: 'POLICY_GOVERNANCE_INVALID', issues })
 */
export const decodeGovernance = (input: unknown): E.Either<GovernanceError, GovernanceConfig> =>
  decodeWith(GovernanceConfig, input, 'POLICY_GOVERNANCE_INVALID', 'governance configuration');

/**
 * The digest of a configuration: SHA-256 of its RFC 8785 canonical JSON. Approval events name it.
 * @param config - a decoded configuration
 * @returns `sha256:<hex>`
 * @see docs/spec/governance-v1.md section 2.3
 * @example
 * governanceDigest(config) // 'sha256:…'
 */
export const governanceDigest = (config: GovernanceConfig): Sha256Digest => {
  const d = digestCanonical(GovernanceConfig.encode(config));
  // A decoded configuration holds only JSON values.
  if (E.isLeft(d)) throw new TypeError(`not a decoded configuration: ${d.left.message}`);
  return d.right;
};

/**
 * The actor ids that may act with a role.
 * @param config - the configuration
 * @param role - a role name
 * @returns the members (empty when the role is not defined)
 * @example
 * roleMembers(config, 'cab') // ['erin@example.com']
 */
export const roleMembers = (config: GovernanceConfig, role: string): ReadonlyArray<string> =>
  Object.prototype.hasOwnProperty.call(config.roles, role) ? (config.roles[role] ?? []) : [];

// --- internal --------------------------------------------------------------

function boundedInt(name: string, min: number, max: number): t.Type<number, number, unknown> {
  const ok = (u: unknown): u is number =>
    Number.isInteger(u) && (u as number) >= min && (u as number) <= max;
  return new t.Type<number, number, unknown>(
    name,
    ok,
    (u, c) =>
      ok(u)
        ? t.success(u)
        : t.failure(u, c, `expected an integer from ${min} to ${max}, got ${showValue(u)}`),
    (a) => a,
  );
}

type GovernanceShape = ClosedType<typeof GOVERNANCE_REQUIRED, typeof GOVERNANCE_OPTIONAL>;

function checkGovernance(g: GovernanceShape): ReadonlyArray<Violation> {
  const out: Violation[] = [];
  const defined = (role: string) => Object.prototype.hasOwnProperty.call(g.roles, role);
  if (Object.keys(g.roles).length === 0)
    out.push({ path: ['roles'], message: 'expected at least one role' });
  if (g.rules.length === 0) out.push({ path: ['rules'], message: 'expected at least one rule' });
  if (g.duration.default_days > g.duration.max_days) {
    out.push({ path: ['duration', 'default_days'], message: 'expected default_days <= max_days' });
  }
  const allMembers = new Set(Object.values(g.roles).flat());
  const seen = new Map<string, number>();
  g.rules.forEach((rule, i) => {
    const first = seen.get(rule.id);
    if (first !== undefined)
      out.push({
        path: ['rules', i, 'id'],
        message: `duplicate rule id (same as rules[${first}])`,
      });
    else seen.set(rule.id, i);
    // Code-unit order (section 2.4): Object.entries would put integer-like names ("9") first.
    const roleCounts = rule.require.roles ?? {};
    for (const role of Object.keys(roleCounts).sort()) {
      const count = roleCounts[role] ?? 0;
      if (!defined(role)) {
        out.push({
          path: ['rules', i, 'require', 'roles', role],
          message: `role "${role}" is not defined in roles`,
        });
      } else if ((g.roles[role] ?? []).length < count) {
        out.push({
          path: ['rules', i, 'require', 'roles', role],
          message: `needs ${count} approvals from role "${role}", which has ${(g.roles[role] ?? []).length} member(s)`,
        });
      }
    }
    if ((rule.require.approvals ?? 1) > allMembers.size) {
      out.push({
        path: ['rules', i, 'require', 'approvals'],
        message: `needs ${rule.require.approvals} approvals, but roles have ${allMembers.size} distinct member(s)`,
      });
    }
  });
  // Reported on the member, not an index: set elements are already sorted at this point.
  for (const key of ['revoke_roles', 'amend_roles'] as const) {
    for (const role of g[key] ?? []) {
      if (!defined(role))
        out.push({ path: [key], message: `role "${role}" is not defined in roles` });
    }
  }
  return out;
}
