/**
 * Lifecycle commands as data (docs/spec/governance-v1.md section 6.1): propose, approve, reject,
 * request changes, revoke, renew, amend. Each names the acting actor, the instant and (except
 * propose) the exception; decoded strictly so that JSON from a CLI or an API is checked the same
 * way as typed calls.
 * @module
 */
import type * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import {
  closedObject,
  decodeWith,
  DsseEnvelopeJson,
  ExceptionId,
  literalUnion,
  Name,
  Text,
  Timestamp,
  VersionNumber,
  type DecodeError,
} from '@warrant/core';

// --- model -----------------------------------------------------------------

/** Who acts: an id and whether a person or a service. */
export const CommandActor = closedObject(
  'CommandActor',
  { id: Name, kind: literalUnion('ActorKind', ['human', 'service'] as const) },
  {},
);

const literal = <V extends string>(v: V) => literalUnion('Command', [v] as const);
const base = { actor: CommandActor, at: Timestamp };

/** Propose version 1; `proposal` is content whose `expires_at` may be omitted (default duration). */
export const ProposeCommand = closedObject(
  'ProposeCommand',
  { command: literal('propose'), ...base, proposal: t.UnknownRecord },
  { exception_id: ExceptionId, reason: Text },
);
/** Approve the latest version, acting with a role; optionally signed (DSSE). */
export const ApproveCommand = closedObject(
  'ApproveCommand',
  {
    command: literal('approve'),
    ...base,
    exception_id: ExceptionId,
    version: VersionNumber,
    role: Name,
  },
  { reason: Text, signature: DsseEnvelopeJson },
);
/** Reject the latest version (final for that version). */
export const RejectCommand = closedObject(
  'RejectCommand',
  {
    command: literal('reject'),
    ...base,
    exception_id: ExceptionId,
    version: VersionNumber,
    role: Name,
    reason: Text,
  },
  {},
);
/** Send the latest version back for changes (its requester may then amend it). */
export const RequestChangesCommand = closedObject(
  'RequestChangesCommand',
  {
    command: literal('request_changes'),
    ...base,
    exception_id: ExceptionId,
    version: VersionNumber,
    role: Name,
    reason: Text,
  },
  {},
);
/** Revoke the exception: every pending or in-force version ends now. */
export const RevokeCommand = closedObject(
  'RevokeCommand',
  { command: literal('revoke'), ...base, exception_id: ExceptionId, reason: Text },
  { role: Name },
);
/** Amend: a new version with `changes` applied to its base; needs a full new approval. */
export const AmendCommand = closedObject(
  'AmendCommand',
  {
    command: literal('amend'),
    ...base,
    exception_id: ExceptionId,
    reason: Text,
    changes: t.UnknownRecord,
  },
  {},
);
/** Renew: a new version extending the expiry, with a fresh rationale; needs a full new approval. */
export const RenewCommand = closedObject(
  'RenewCommand',
  {
    command: literal('renew'),
    ...base,
    exception_id: ExceptionId,
    reason: Text,
    changes: t.UnknownRecord,
  },
  {},
);

/** Any lifecycle command. */
export type ExceptionCommand =
  | t.TypeOf<typeof ProposeCommand>
  | t.TypeOf<typeof ApproveCommand>
  | t.TypeOf<typeof RejectCommand>
  | t.TypeOf<typeof RequestChangesCommand>
  | t.TypeOf<typeof RevokeCommand>
  | t.TypeOf<typeof AmendCommand>
  | t.TypeOf<typeof RenewCommand>;

/** The command names. */
export const COMMAND_NAMES = [
  'propose',
  'approve',
  'reject',
  'request_changes',
  'revoke',
  'amend',
  'renew',
] as const;

// --- operations ------------------------------------------------------------

/**
 * Decodes an untrusted command (dispatching on its `command` member).
 * @param input - parsed JSON or a typed command
 * @returns the command, or `POLICY_COMMAND_INVALID` with every problem and its path
 * @see docs/spec/governance-v1.md section 6.1
 * @example
 * decodeExceptionCommand({ command: 'approve', exception_id: 'exc-1', version: 1, role: 'cab', actor, at })
 */
export const decodeExceptionCommand = (
  input: unknown,
): E.Either<DecodeError<'POLICY_COMMAND_INVALID'>, ExceptionCommand> => {
  const name =
    typeof input === 'object' && input !== null
      ? (input as { command?: unknown }).command
      : undefined;
  const codec =
    typeof name === 'string' && Object.prototype.hasOwnProperty.call(CODECS, name)
      ? CODECS[name]
      : undefined;
  if (codec === undefined) {
    return decodeWith(
      t.type({ command: literalUnion('CommandName', COMMAND_NAMES) }),
      input,
      'POLICY_COMMAND_INVALID',
      'command',
    ) as E.Either<DecodeError<'POLICY_COMMAND_INVALID'>, never>;
  }
  return decodeWith(
    codec,
    input,
    'POLICY_COMMAND_INVALID',
    `${name as string} command`,
  ) as E.Either<DecodeError<'POLICY_COMMAND_INVALID'>, ExceptionCommand>;
};

// --- internal --------------------------------------------------------------

const CODECS: Record<string, t.Decoder<unknown, unknown>> = {
  propose: ProposeCommand,
  approve: ApproveCommand,
  reject: RejectCommand,
  request_changes: RequestChangesCommand,
  revoke: RevokeCommand,
  amend: AmendCommand,
  renew: RenewCommand,
};
