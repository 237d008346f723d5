/**
 * The propose command (docs/spec/governance-v1.md section 6.4): version 1 of a new exception,
 * with the default duration when `expires_at` is omitted, checked against governance.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import {
  compareTimestamps,
  daysAfter,
  decodeWith,
  deriveExceptionId,
  encodeExceptionEvent,
  EXCEPTION_EVENT_SCHEMA,
  ExceptionProposal,
  LAST_INSTANT,
  parseTimestamp,
  proposalDigest,
  type DecodeError,
  type ExceptionRecord,
} from '@warrant/core';
import type { GovernanceConfig } from '../governance/config';
import { requirementsFor } from '../governance/requirements';
import type { ProposeCommand } from './command';
import { contentRefusals } from './content-rules';
import { buildOutcome, orRefuse, type CommandOutcome } from './context';
import { refusal, refused, type LifecycleError } from './errors';

/**
 * Proposes a new exception.
 * @param record - the record the host holds for the id (must be undefined: the id is new)
 * @param command - a decoded propose command
 * @param governance - the configuration
 * @returns the `exception.proposed` event and the outcome, or the refusals
 * @see docs/spec/governance-v1.md section 6.4
 * @example
 * proposeException(undefined, { command: 'propose', actor, at, proposal }, config)
 */
export const proposeException = (
  record: ExceptionRecord | undefined,
  command: t.TypeOf<typeof ProposeCommand>,
  governance: GovernanceConfig,
): E.Either<LifecycleError, CommandOutcome> => {
  if (record !== undefined) {
    return E.left(
      refused([
        refusal(
          'POLICY_STATE_CONFLICT',
          '$.exception_id',
          `exception ${record.exception_id} already exists`,
        ),
      ]),
    );
  }
  const input: Record<string, unknown> = { ...command.proposal };
  let unrepresentable: string | undefined;
  if (input.expires_at === undefined) {
    // Section 6.4: the default duration counts from valid_from when it is later than now; a
    // default past year 9999 is left unset (decoding then refuses the missing expires_at).
    const from =
      typeof input.valid_from === 'string' ? parseTimestamp(input.valid_from) : undefined;
    const start =
      from !== undefined && E.isRight(from) && compareTimestamps(from.right, command.at) > 0
        ? from.right
        : command.at;
    const days = governance.duration.default_days;
    const expiry = daysAfter(start, days);
    if (expiry !== undefined) input.expires_at = expiry;
    else
      unrepresentable = `the default expiry (${start} + ${days} days) is later than ${LAST_INSTANT}; give expires_at`;
  }
  const decoded = decodeWith(ExceptionProposal, input, 'POLICY_COMMAND_INVALID', 'proposal', [
    'proposal',
  ]);
  const content =
    unrepresentable === undefined ? decoded : explainMissingExpiry(decoded, unrepresentable);
  if (E.isLeft(content)) return content;
  const requirements = requirementsFor(governance, content.right);
  return orRefuse(contentRefusals(content.right, requirements, command.at, '$.proposal'), () => {
    const id =
      command.exception_id ??
      deriveExceptionId(proposalDigest(content.right), command.actor.id, command.at);
    const event = encodeExceptionEvent({
      type: 'exception.proposed',
      time: command.at,
      actor: command.actor,
      reason: command.reason ?? '',
      subject: id,
      payload: { schema: EXCEPTION_EVENT_SCHEMA, version: 1, proposal: content.right },
    });
    return buildOutcome(undefined, [event], command.at, governance);
  });
};

// --- internal --------------------------------------------------------------

// A default expiry past year 9999 is left unset, so decoding reports expires_at as missing; the
// issue then says why, since the proposer did not leave it out by mistake.
function explainMissingExpiry<A>(
  decoded: E.Either<DecodeError<'POLICY_COMMAND_INVALID'>, A>,
  why: string,
): E.Either<DecodeError<'POLICY_COMMAND_INVALID'>, A> {
  if (E.isRight(decoded)) return decoded; // unreachable: expires_at is required
  const issues = decoded.left.issues.map((i) =>
    i.path === '$.proposal.expires_at' ? { ...i, message: why } : i,
  );
  const first = issues[0] ?? decoded.left;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return E.left({
    ...decoded.left,
    message: `proposal is invalid at ${first.path}: ${first.message}${more}`,
    issues,
  });
}
