/**
 * One entry point for every lifecycle command (docs/spec/governance-v1.md section 6): decode the
 * command, check it against the current state and the governance configuration, and return the
 * events to append, or typed refusals naming the rule that refused. Pure and synchronous; the
 * `…WithSignatures` variant also verifies an approval's DSSE signature against trusted keys.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import type { ExceptionRecord } from '@warrant/core';
import type { GovernanceConfig } from '../governance/config';
import {
  approvalStatement,
  verifyApprovalSignature,
  type ApproverKeys,
} from '../governance/signature';
import { decodeExceptionCommand, type ExceptionCommand } from './command';
import type { CommandOutcome } from './context';
import { refusal, refused, type LifecycleError } from './errors';
import { proposeException } from './propose';
import { approveException, reviewException } from './review';
import { reviseException } from './revise';
import { revokeException } from './revoke';

/**
 * Executes a lifecycle command.
 * @param record - the targeted exception's record (fold its events with `foldExceptionEvents`),
 *   or `undefined` for a proposal
 * @param command - the command, typed or as untrusted JSON
 * @param governance - the governance configuration (decode it with `decodeGovernance`)
 * @returns the outcome (events to append, new record and state, requirements, approval progress,
 *   breadth), `POLICY_COMMAND_INVALID` for a malformed command, or `POLICY_COMMAND_REFUSED`
 *   listing every refusal with its code, path and rule
 * @see docs/spec/governance-v1.md section 6
 * @example
 * const r = executeExceptionCommand(record, { command: 'approve', exception_id, version: 1, role: 'cab', actor, at }, config);
 * if (E.isRight(r)) await log.append(r.right.events);
 */
export const executeExceptionCommand = (
  record: ExceptionRecord | undefined,
  command: ExceptionCommand | unknown,
  governance: GovernanceConfig,
): E.Either<LifecycleError, CommandOutcome> => {
  const decoded = decodeExceptionCommand(command);
  if (E.isLeft(decoded)) return decoded;
  const c = decoded.right;
  switch (c.command) {
    case 'propose':
      return proposeException(record, c, governance);
    case 'approve':
      return approveException(record, c, governance);
    case 'reject':
    case 'request_changes':
      return reviewException(record, c, governance);
    case 'amend':
    case 'renew':
      return reviseException(record, c, governance);
    case 'revoke':
      return revokeException(record, c, governance);
  }
};

/**
 * Executes a command, first verifying an approval's signature cryptographically against the
 * approver's trusted keys (an unsigned approval is verified by governance alone).
 * @param record - as for {@link executeExceptionCommand}
 * @param command - as for {@link executeExceptionCommand}
 * @param governance - as for {@link executeExceptionCommand}
 * @param keys - trusted verifiers per approver id
 * @returns as {@link executeExceptionCommand}, or `POLICY_SIGNATURE_INVALID` when the signature
 *   does not verify with a trusted key of the approver
 * @see docs/spec/governance-v1.md section 7.2
 * @example
 * await executeExceptionCommandWithSignatures(record, signedApprove, config, new Map([['bob', [bobKey.verifier]]]))
 */
export const executeExceptionCommandWithSignatures = async (
  record: ExceptionRecord | undefined,
  command: ExceptionCommand | unknown,
  governance: GovernanceConfig,
  keys: ApproverKeys,
): Promise<E.Either<LifecycleError, CommandOutcome>> => {
  const decoded = decodeExceptionCommand(command);
  if (E.isLeft(decoded)) return decoded;
  const c = decoded.right;
  const latest = record?.versions[record.versions.length - 1];
  if (
    c.command === 'approve' &&
    c.signature !== undefined &&
    latest !== undefined &&
    latest.version === c.version
  ) {
    const statement = approvalStatement({
      exception_id: c.exception_id,
      version: c.version,
      content_digest: latest.content_digest,
      approver: c.actor.id,
      role: c.role,
      at: c.at,
    });
    const verified = await verifyApprovalSignature(c.signature, statement, keys);
    if (E.isLeft(verified))
      return E.left(refused([refusal('POLICY_SIGNATURE_INVALID', '$.signature', verified.left)]));
  }
  return executeExceptionCommand(record, c, governance);
};
