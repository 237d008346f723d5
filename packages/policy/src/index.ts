/**
 * @warrant/policy: governance rules, exception lifecycle commands and pure policy evaluation.
 * @module
 */
export const POLICY_PACKAGE = '@warrant/policy' as const;
