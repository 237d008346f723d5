// Builders of exception event drafts for tests.
import {
  encodeExceptionEvent,
  EXCEPTION_EVENT_SCHEMA as schema,
  proposalDigest,
  type EventDraft,
  type ExceptionProposal,
  type Timestamp,
} from '@warrant/core';

const actor = (id: string) => ({ id, kind: 'human' as const });
const ts = (s: string) => s as Timestamp;

export const proposed = (
  time: string,
  by: string,
  subject: string,
  proposal: ExceptionProposal,
): EventDraft =>
  encodeExceptionEvent({
    type: 'exception.proposed',
    time: ts(time),
    actor: actor(by),
    reason: '',
    subject,
    payload: { schema, version: 1, proposal },
  });

export const revised = (
  kind: 'amended' | 'renewed',
  time: string,
  by: string,
  subject: string,
  version: number,
  previous: number,
  proposal: ExceptionProposal,
): EventDraft =>
  encodeExceptionEvent({
    type: `exception.${kind}`,
    time: ts(time),
    actor: actor(by),
    reason: `${kind} for a reason`,
    subject,
    payload: { schema, version, previous_version: previous, proposal },
  });

export const approved = (
  time: string,
  by: string,
  subject: string,
  version: number,
  proposal: ExceptionProposal,
  final: boolean,
  role = 'approver',
): EventDraft =>
  encodeExceptionEvent({
    type: 'exception.approved',
    time: ts(time),
    actor: actor(by),
    reason: '',
    subject,
    payload: { schema, version, role, content_digest: proposalDigest(proposal), final },
  });

export const reviewed = (
  kind: 'rejected' | 'changes_requested',
  time: string,
  by: string,
  subject: string,
  version: number,
): EventDraft =>
  encodeExceptionEvent({
    type: `exception.${kind}`,
    time: ts(time),
    actor: actor(by),
    reason: 'reviewed with care',
    subject,
    payload: { schema, version, role: 'security-reviewer' },
  });

export const versionEvent = (
  kind: 'revoked' | 'expired',
  time: string,
  by: string,
  subject: string,
  version: number,
): EventDraft =>
  encodeExceptionEvent({
    type: `exception.${kind}`,
    time: ts(time),
    actor: actor(by),
    reason: kind === 'revoked' ? 'no longer needed' : '',
    subject,
    payload: { schema, version },
  });
