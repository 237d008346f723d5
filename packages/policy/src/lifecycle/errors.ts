/**
 * Why a lifecycle command was refused (docs/spec/governance-v1.md section 6): a malformed command
 * (`POLICY_COMMAND_INVALID`, every problem with its path), or a well-formed command that the
 * current state or a governance rule refuses (`POLICY_COMMAND_REFUSED`, every refusal with its
 * own code, path and the rule that refused).
 * @module
 */
import type { DecodeError, WarrantError } from '@warrant/core';

/** Codes of individual refusals; each names what refused. */
export type RefusalCode =
  | 'POLICY_STATE_CONFLICT'
  | 'POLICY_COMMAND_OUT_OF_ORDER'
  | 'POLICY_NOT_AUTHORIZED'
  | 'POLICY_ROLE_NOT_HELD'
  | 'POLICY_SERVICE_ACTOR_FORBIDDEN'
  | 'POLICY_SELF_APPROVAL_FORBIDDEN'
  | 'POLICY_SELF_REVIEW_FORBIDDEN'
  | 'POLICY_DUPLICATE_APPROVAL'
  | 'POLICY_SIGNATURE_REQUIRED'
  | 'POLICY_SIGNATURE_INVALID'
  | 'POLICY_EXPIRY_NOT_IN_FUTURE'
  | 'POLICY_DURATION_EXCEEDED'
  | 'POLICY_EXTENSION_EXCEEDED'
  | 'POLICY_RENEWAL_NOT_EXTENDING'
  | 'POLICY_RATIONALE_NOT_FRESH'
  | 'POLICY_NO_CHANGE'
  | 'POLICY_TYPE_CHANGED'
  | 'POLICY_EVIDENCE_REQUIRED'
  | 'POLICY_COMPENSATING_CONTROLS_REQUIRED'
  | 'POLICY_RISK_ACCEPTANCE_REQUIRED'
  | 'POLICY_DEPLOYMENT_INTENT_REQUIRED';

/** One refusal: a stable code, the path into the command, the message and the refusing rule. */
export interface Refusal extends WarrantError<RefusalCode> {
  readonly path: string;
  /** Id of the governance rule that refused, when a rule did (not for state conflicts). */
  readonly rule?: string;
}

/** A well-formed command was refused; `refusals` lists every reason (at least one). */
export interface CommandRefused extends WarrantError<'POLICY_COMMAND_REFUSED'> {
  readonly path: string;
  readonly refusals: ReadonlyArray<Refusal>;
}

/** Why a command produced no events. */
export type LifecycleError = DecodeError<'POLICY_COMMAND_INVALID'> | CommandRefused;

/**
 * Builds a refusal.
 * @param code - the refusal code
 * @param path - RFC 9535 path into the command
 * @param message - what refused and why
 * @param rule - the refusing rule's id, if a rule refused
 * @returns the refusal
 * @internal
 * @example
 * refusal('POLICY_ROLE_NOT_HELD', '$.role', 'bob does not hold role cab')
 */
export const refusal = (
  code: RefusalCode,
  path: string,
  message: string,
  rule?: string,
): Refusal => (rule === undefined ? { code, path, message } : { code, path, message, rule });

/**
 * Wraps refusals into the command error.
 * @param refusals - at least one refusal
 * @returns the `POLICY_COMMAND_REFUSED` error; its message joins the refusals' messages
 * @internal
 * @example
 * refused([refusal('POLICY_STATE_CONFLICT', '$.version', 'version 2 is the latest')])
 */
export const refused = (refusals: ReadonlyArray<Refusal>): CommandRefused => ({
  code: 'POLICY_COMMAND_REFUSED',
  message: refusals.map((r) => r.message).join('; '),
  path: refusals[0]?.path ?? '$',
  refusals,
});
