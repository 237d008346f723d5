/**
 * The review commands (docs/spec/governance-v1.md sections 6.5-6.6): approve, reject and request
 * changes of the latest version, by an actor acting with a role they hold.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import {
  encodeExceptionEvent,
  EXCEPTION_EVENT_SCHEMA,
  versionStatusAt,
  type ExceptionRecord,
} from '@warrant/core';
import { approvalProgress } from '../governance/approval-progress';
import { governanceDigest, roleMembers, type GovernanceConfig } from '../governance/config';
import { describeRule } from '../governance/describe';
import { requirementsFor } from '../governance/requirements';
import { approvalStatement, signatureBindingProblem } from '../governance/signature';
import type { ApproveCommand, RejectCommand, RequestChangesCommand } from './command';
import { contentRefusals } from './content-rules';
import {
  buildOutcome,
  checkTarget,
  orRefuse,
  requestersOf,
  type CommandOutcome,
  type Target,
} from './context';
import { refusal, refused, type LifecycleError, type Refusal } from './errors';

type Review =
  | t.TypeOf<typeof ApproveCommand>
  | t.TypeOf<typeof RejectCommand>
  | t.TypeOf<typeof RequestChangesCommand>;

/**
 * Approves the latest version; the approval is `final` when it completes the required set.
 * @param record - the exception's record
 * @param command - a decoded approve command
 * @param governance - the configuration
 * @returns the `exception.approved` event and the outcome (with what is still missing), or the refusals
 * @see docs/spec/governance-v1.md section 6.5
 * @example
 * approveException(record, { command: 'approve', exception_id, version: 1, role: 'security-reviewer', actor, at }, config)
 */
export const approveException = (
  record: ExceptionRecord | undefined,
  command: t.TypeOf<typeof ApproveCommand>,
  governance: GovernanceConfig,
): E.Either<LifecycleError, CommandOutcome> => {
  const target = checkReviewTarget(record, command);
  if (E.isLeft(target)) return target;
  const { record: rec, latest } = target.right;
  const requirements = requirementsFor(governance, latest.content);
  const out = reviewerRefusals(command, governance);
  if (
    requestersOf(rec, latest.version).has(command.actor.id) &&
    !requirements.self_approval.value
  ) {
    const rule = requirements.self_approval.rule;
    out.push(
      refusal(
        'POLICY_SELF_APPROVAL_FORBIDDEN',
        '$.actor.id',
        `requester cannot approve own exception (${rule === undefined ? 'no rule allows self-approval' : describeRule(rule)})`,
        rule?.id,
      ),
    );
  }
  if (latest.approvals.some((a) => a.id === command.actor.id)) {
    out.push(
      refusal(
        'POLICY_DUPLICATE_APPROVAL',
        '$.actor.id',
        `${command.actor.id} already approved version ${latest.version}`,
      ),
    );
  }
  const signed = requirements.signed_approvals;
  if (signed !== undefined && command.signature === undefined) {
    out.push(
      refusal(
        'POLICY_SIGNATURE_REQUIRED',
        '$.signature',
        `approvals must be signed (${describeRule(signed)})`,
        signed.id,
      ),
    );
  }
  if (command.signature !== undefined) {
    const statement = approvalStatement({
      exception_id: rec.exception_id,
      version: latest.version,
      content_digest: latest.content_digest,
      approver: command.actor.id,
      role: command.role,
      at: command.at,
    });
    const problem = signatureBindingProblem(command.signature, statement);
    if (problem !== undefined)
      out.push(refusal('POLICY_SIGNATURE_INVALID', '$.signature', problem));
  }
  // The approved content must satisfy the configuration in force now (it may have changed since
  // the proposal); the problem is the version's, so refusals point at $.version.
  for (const r of contentRefusals(latest.content, requirements, command.at, '$'))
    out.push({ ...r, path: '$.version' });
  return orRefuse(out, () => {
    const progress = approvalProgress(requirements, [
      ...latest.approvals,
      { id: command.actor.id, role: command.role },
    ]);
    const event = encodeExceptionEvent({
      type: 'exception.approved',
      time: command.at,
      actor: command.actor,
      reason: command.reason ?? '',
      subject: rec.exception_id,
      payload: {
        schema: EXCEPTION_EVENT_SCHEMA,
        version: latest.version,
        role: command.role,
        content_digest: latest.content_digest,
        final: progress.satisfied,
        governance_digest: governanceDigest(governance),
        ...(command.signature === undefined ? {} : { signature: command.signature }),
      },
    });
    return buildOutcome(rec, [event], command.at, governance);
  });
};

/**
 * Rejects the latest version (reject) or sends it back (request changes).
 * @param record - the exception's record
 * @param command - a decoded reject or request_changes command
 * @param governance - the configuration
 * @returns the event and the outcome, or the refusals
 * @see docs/spec/governance-v1.md section 6.6
 * @example
 * reviewException(record, { command: 'reject', exception_id, version: 1, role: 'security-reviewer', reason, actor, at }, config)
 */
export const reviewException = (
  record: ExceptionRecord | undefined,
  command: t.TypeOf<typeof RejectCommand> | t.TypeOf<typeof RequestChangesCommand>,
  governance: GovernanceConfig,
): E.Either<LifecycleError, CommandOutcome> => {
  const target = checkReviewTarget(record, command);
  if (E.isLeft(target)) return target;
  const { record: rec, latest } = target.right;
  const out = reviewerRefusals(command, governance);
  if (requestersOf(rec, latest.version).has(command.actor.id)) {
    out.push(
      refusal(
        'POLICY_SELF_REVIEW_FORBIDDEN',
        '$.actor.id',
        'a requester cannot review own exception (revoke it instead)',
      ),
    );
  }
  return orRefuse(out, () => {
    const event = encodeExceptionEvent({
      type: command.command === 'reject' ? 'exception.rejected' : 'exception.changes_requested',
      time: command.at,
      actor: command.actor,
      reason: command.reason,
      subject: rec.exception_id,
      payload: { schema: EXCEPTION_EVENT_SCHEMA, version: latest.version, role: command.role },
    });
    return buildOutcome(rec, [event], command.at, governance);
  });
};

// --- internal --------------------------------------------------------------

function checkReviewTarget(
  record: ExceptionRecord | undefined,
  command: Review,
): E.Either<LifecycleError, Target> {
  const target = checkTarget(record, command.exception_id, command.at);
  if (E.isLeft(target)) return target;
  const { record: rec, latest } = target.right;
  if (command.version !== latest.version) {
    return E.left(
      refused([
        refusal(
          'POLICY_STATE_CONFLICT',
          '$.version',
          `version ${latest.version} is the latest, not ${command.version}`,
        ),
      ]),
    );
  }
  const status = versionStatusAt(rec, latest.version, command.at)?.status;
  if (status !== 'proposed') {
    return E.left(
      refused([
        refusal(
          'POLICY_STATE_CONFLICT',
          '$.version',
          `version ${latest.version} is ${status ?? 'unknown'}, not proposed`,
        ),
      ]),
    );
  }
  return target;
}

function reviewerRefusals(command: Review, governance: GovernanceConfig): Refusal[] {
  const out: Refusal[] = [];
  if (command.actor.kind === 'service' && governance.service_approvals !== true) {
    out.push(
      refusal(
        'POLICY_SERVICE_ACTOR_FORBIDDEN',
        '$.actor.kind',
        'service actors may not review exceptions (service_approvals is not true)',
      ),
    );
  }
  if (!roleMembers(governance, command.role).includes(command.actor.id)) {
    out.push(
      refusal(
        'POLICY_ROLE_NOT_HELD',
        '$.role',
        `${command.actor.id} does not hold role ${command.role}`,
      ),
    );
  }
  return out;
}
