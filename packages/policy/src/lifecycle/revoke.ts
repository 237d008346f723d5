/**
 * The revoke command (docs/spec/governance-v1.md section 6.8): ends every pending or in-force
 * version now. The owner, any requester, or a holder of a role listed in `revoke_roles` (acting
 * with that role) may revoke.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import {
  encodeExceptionEvent,
  EXCEPTION_EVENT_SCHEMA,
  exceptionStateAt,
  type ExceptionRecord,
} from '@warrant/core';
import { roleMembers, type GovernanceConfig } from '../governance/config';
import type { RevokeCommand } from './command';
import { buildOutcome, checkTarget, orRefuse, requestersOf, type CommandOutcome } from './context';
import { refusal, refused, type LifecycleError, type Refusal } from './errors';

/**
 * Revokes an exception.
 * @param record - the exception's record
 * @param command - a decoded revoke command
 * @param governance - the configuration
 * @returns the `exception.revoked` event and the outcome, or the refusals
 * @see docs/spec/governance-v1.md section 6.8
 * @example
 * revokeException(record, { command: 'revoke', exception_id, reason: 'fixed upstream', actor, at }, config)
 */
export const revokeException = (
  record: ExceptionRecord | undefined,
  command: t.TypeOf<typeof RevokeCommand>,
  governance: GovernanceConfig,
): E.Either<LifecycleError, CommandOutcome> => {
  const target = checkTarget(record, command.exception_id, command.at);
  if (E.isLeft(target)) return target;
  const { record: rec, latest } = target.right;
  const state = exceptionStateAt(rec, command.at);
  const live = (state?.versions ?? []).some((v) => LIVE.has(v.status));
  if (rec.versions.some((v) => v.revocation !== undefined) || !live) {
    return E.left(
      refused([
        refusal(
          'POLICY_STATE_CONFLICT',
          '$.exception_id',
          `exception ${rec.exception_id} has nothing pending or in force to revoke`,
        ),
      ]),
    );
  }
  const actor = command.actor.id;
  const out: Refusal[] = [];
  const personal = actor === latest.content.owner || requestersOf(rec, latest.version).has(actor);
  if (command.role !== undefined && !roleMembers(governance, command.role).includes(actor)) {
    out.push(
      refusal('POLICY_ROLE_NOT_HELD', '$.role', `${actor} does not hold role ${command.role}`),
    );
  } else if (
    !personal &&
    (command.role === undefined || !(governance.revoke_roles ?? []).includes(command.role))
  ) {
    out.push(
      refusal(
        'POLICY_NOT_AUTHORIZED',
        command.role === undefined ? '$.actor.id' : '$.role',
        `${actor} is neither the owner nor a requester, and does not act with a role in revoke_roles`,
      ),
    );
  }
  return orRefuse(out, () => {
    const event = encodeExceptionEvent({
      type: 'exception.revoked',
      time: command.at,
      actor: command.actor,
      reason: command.reason,
      subject: rec.exception_id,
      payload: { schema: EXCEPTION_EVENT_SCHEMA, version: latest.version },
    });
    return buildOutcome(rec, [event], command.at, governance);
  });
};

const LIVE = new Set(['proposed', 'changes_requested', 'approved', 'active']);
