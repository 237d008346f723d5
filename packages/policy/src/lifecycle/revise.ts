/**
 * Amend and renew (docs/spec/governance-v1.md section 6.7): a new version derived from a base
 * version by applying `changes`, with a fresh justification and a full new approval; nothing is
 * edited in place. Renewals must extend the expiry with a fresh rationale; no revision may push
 * the expiry more than `renewal.max_extension_days` past the latest approved version's expiry.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import {
  baseFor,
  compareTimestamps,
  isLaterThanDaysAfter,
  decodeWith,
  encodeExceptionEvent,
  EXCEPTION_EVENT_SCHEMA,
  ExceptionProposal,
  latestApproved,
  proposalDigest,
  type ExceptionRecord,
} from '@warrant/core';
import { roleMembers, type GovernanceConfig } from '../governance/config';
import { requirementsFor } from '../governance/requirements';
import type { AmendCommand, RenewCommand } from './command';
import { contentRefusals } from './content-rules';
import { buildOutcome, checkTarget, orRefuse, requestersOf, type CommandOutcome } from './context';
import { refusal, refused, type LifecycleError, type Refusal } from './errors';

/**
 * Amends or renews an exception.
 * @param record - the exception's record
 * @param command - a decoded amend or renew command
 * @param governance - the configuration
 * @returns the `exception.amended` / `exception.renewed` event and the outcome, or the refusals
 * @see docs/spec/governance-v1.md section 6.7
 * @example
 * reviseException(record, { command: 'renew', exception_id, reason, changes: { expires_at, rationale }, actor, at }, config)
 */
export const reviseException = (
  record: ExceptionRecord | undefined,
  command: t.TypeOf<typeof AmendCommand> | t.TypeOf<typeof RenewCommand>,
  governance: GovernanceConfig,
): E.Either<LifecycleError, CommandOutcome> => {
  const target = checkTarget(record, command.exception_id, command.at);
  if (E.isLeft(target)) return target;
  const { record: rec, latest } = target.right;
  const renew = command.command === 'renew';
  const base = baseFor(rec, renew ? 'exception.renewed' : 'exception.amended', command.at);
  if (typeof base === 'string')
    return E.left(refused([refusal('POLICY_STATE_CONFLICT', '$.command', base)]));
  const actor = command.actor.id;
  const mayRevise =
    actor === base.content.owner ||
    requestersOf(rec, latest.version).has(actor) ||
    (governance.amend_roles ?? []).some((role) => roleMembers(governance, role).includes(actor));
  if (!mayRevise) {
    return E.left(
      refused([
        refusal(
          'POLICY_NOT_AUTHORIZED',
          '$.actor.id',
          `${actor} is neither the owner, a requester, nor in amend_roles`,
        ),
      ]),
    );
  }
  const merged: Record<string, unknown> = { ...ExceptionProposal.encode(base.content) };
  for (const [k, v] of Object.entries(command.changes)) {
    if (v === null) delete merged[k];
    else merged[k] = v;
  }
  const decoded = decodeWith(
    ExceptionProposal,
    merged,
    'POLICY_COMMAND_INVALID',
    'changed content',
    ['changes'],
  );
  if (E.isLeft(decoded)) return decoded;
  const content = decoded.right;
  const out: Refusal[] = [];
  if (content.type !== base.content.type) {
    out.push(
      refusal(
        'POLICY_TYPE_CHANGED',
        '$.changes.type',
        `the type stays ${base.content.type} across versions`,
      ),
    );
  }
  if (proposalDigest(content) === base.content_digest) {
    out.push(
      refusal('POLICY_NO_CHANGE', '$.changes', `the content equals version ${base.version}`),
    );
  }
  if (renew && compareTimestamps(content.expires_at, base.content.expires_at) <= 0) {
    out.push(
      refusal(
        'POLICY_RENEWAL_NOT_EXTENDING',
        '$.changes.expires_at',
        `a renewal must expire after ${base.content.expires_at}`,
      ),
    );
  }
  if (renew && content.rationale === base.content.rationale) {
    out.push(
      refusal(
        'POLICY_RATIONALE_NOT_FRESH',
        '$.changes.rationale',
        `a renewal needs a new rationale, not that of version ${base.version}`,
      ),
    );
  }
  const approved = latestApproved(rec, command.at);
  if (approved !== undefined) {
    const days = governance.renewal.max_extension_days;
    if (isLaterThanDaysAfter(content.expires_at, approved.content.expires_at, days)) {
      out.push(
        refusal(
          'POLICY_EXTENSION_EXCEEDED',
          '$.changes.expires_at',
          `expires_at exceeds the maximum extension of ${governance.renewal.max_extension_days} days past ${approved.content.expires_at} (renewal.max_extension_days)`,
        ),
      );
    }
  }
  out.push(
    ...contentRefusals(content, requirementsFor(governance, content), command.at, '$.changes'),
  );
  return orRefuse(out, () => {
    const event = encodeExceptionEvent({
      type: renew ? 'exception.renewed' : 'exception.amended',
      time: command.at,
      actor: command.actor,
      reason: command.reason,
      subject: rec.exception_id,
      payload: {
        schema: EXCEPTION_EVENT_SCHEMA,
        version: latest.version + 1,
        previous_version: base.version,
        proposal: content,
      },
    });
    return buildOutcome(rec, [event], command.at, governance);
  });
};
