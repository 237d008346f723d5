/**
 * Rule conditions in words, for decisions that explain themselves (docs/spec/governance-v1.md
 * section 6.3): "env prod", "type vulnerability, outside env dev", "risk score above 50".
 * @module
 */
import type { ApprovalRule, RuleCondition } from './config';

/**
 * Describes a rule condition.
 * @param when - the condition, or undefined for "every exception"
 * @returns the phrase, members in specification order, joined by ", "
 * @see docs/spec/governance-v1.md section 6.3
 * @example
 * describeCondition({ types: ['vulnerability'], envs_outside: ['dev'] }) // 'outside env dev, type vulnerability'
 */
export const describeCondition = (when: RuleCondition | undefined): string => {
  if (when === undefined) return 'every exception';
  const parts: string[] = [];
  if (when.envs !== undefined) parts.push(`env ${when.envs.join(' or ')}`);
  if (when.envs_outside !== undefined) parts.push(`outside env ${when.envs_outside.join(' and ')}`);
  if (when.breadths !== undefined) parts.push(`${when.breadths.join(' or ')} scope`);
  if (when.reason_codes !== undefined) parts.push(`reason ${when.reason_codes.join(' or ')}`);
  if (when.types !== undefined) parts.push(`type ${when.types.join(' or ')}`);
  if (when.policy_rules !== undefined) parts.push(`policy rule ${when.policy_rules.join(' or ')}`);
  if (when.risk_score_above !== undefined) parts.push(`risk score above ${when.risk_score_above}`);
  return parts.join(', ');
};

/**
 * Names a rule and its condition: `rule "prod-two-person" (env prod)`.
 * @param rule - the rule
 * @returns the phrase
 * @example
 * describeRule(rule) // 'rule "cab-high-risk" (risk score above 50)'
 */
export const describeRule = (rule: ApprovalRule): string =>
  `rule "${rule.id}" (${describeCondition(rule.when)})`;
