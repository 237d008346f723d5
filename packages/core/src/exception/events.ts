/**
 * The events that change an exception (docs/spec/exception-v1.md section 9): their types, payload
 * codecs, and decoding from the shared event envelope (core/src/event.ts).
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { Sha256Digest } from '../digest';
import { Actor, type EventDraft } from '../event';
import type { PathSegment } from '../json-path';
import { Timestamp } from '../time';
import { DsseEnvelopeJson } from './approval';
import { closedObject, literalUnion } from './codec-kit';
import { decodeWith, type DecodeError } from './decode';
import { readExceptionEventFast } from './event-fast';
import { ExceptionId, Name, Text, VersionNumber } from './fields';
import { ExceptionProposal } from './proposal';
import type { ReadNote } from './proposal-fast';

// --- model -----------------------------------------------------------------

/** Schema identifier carried by every exception event payload. */
export const EXCEPTION_EVENT_SCHEMA = 'warrant.exception-event/v1';

/** The event types of the exception lifecycle, in documentation order. */
export const EXCEPTION_EVENT_TYPES = [
  'exception.proposed',
  'exception.amended',
  'exception.renewed',
  'exception.approved',
  'exception.rejected',
  'exception.changes_requested',
  'exception.revoked',
  'exception.expired',
] as const;
/** An exception event type. */
export type ExceptionEventType = (typeof EXCEPTION_EVENT_TYPES)[number];

const schema = literalUnion('ExceptionEventSchema', [EXCEPTION_EVENT_SCHEMA] as const);

/** Payload of `exception.proposed`: version 1 and its content. */
export const ProposedPayload = closedObject(
  'ProposedPayload',
  { schema, version: VersionNumber, proposal: ExceptionProposal },
  {},
  (p) => (p.version === 1 ? [] : [{ path: ['version'], message: 'expected version 1' }]),
);
/** Payload of `exception.proposed`. */
export type ProposedPayload = t.TypeOf<typeof ProposedPayload>;

/** Payload of `exception.amended` and `exception.renewed`: the new version, its base and content. */
export const RevisedPayload = closedObject(
  'RevisedPayload',
  { schema, version: VersionNumber, previous_version: VersionNumber, proposal: ExceptionProposal },
  {},
  (p) =>
    p.previous_version < p.version
      ? []
      : [{ path: ['previous_version'], message: 'expected previous_version < version' }],
);
/** Payload of `exception.amended` and `exception.renewed`. */
export type RevisedPayload = t.TypeOf<typeof RevisedPayload>;

/**
 * Payload of `exception.approved`: one approver's approval of one version, bound to its content
 * digest; `final` marks the approval that completed the required set (decided by governance when
 * the event was made); `governance_digest` names that configuration; `signature` is the
 * approver's optional DSSE envelope over the approval statement.
 */
export const ApprovedPayload = closedObject(
  'ApprovedPayload',
  { schema, version: VersionNumber, role: Name, content_digest: Sha256Digest, final: t.boolean },
  { governance_digest: Sha256Digest, signature: DsseEnvelopeJson },
);
/** Payload of `exception.approved`. */
export type ApprovedPayload = t.TypeOf<typeof ApprovedPayload>;

/** Payload of `exception.rejected` and `exception.changes_requested`: the version and reviewer role. */
export const ReviewPayload = closedObject(
  'ReviewPayload',
  { schema, version: VersionNumber, role: Name },
  {},
);
/** Payload of `exception.rejected` and `exception.changes_requested`. */
export type ReviewPayload = t.TypeOf<typeof ReviewPayload>;

/** Payload of `exception.revoked` (the latest version) and `exception.expired` (the version). */
export const VersionPayload = closedObject(
  'VersionPayload',
  { schema, version: VersionNumber },
  {},
);
/** Payload of `exception.revoked` and `exception.expired`. */
export type VersionPayload = t.TypeOf<typeof VersionPayload>;

/** The fields of an event envelope the fold reads. */
interface Envelope<T extends ExceptionEventType, P> {
  readonly type: T;
  readonly time: Timestamp;
  readonly actor: Actor;
  readonly reason: string;
  readonly subject: ExceptionId;
  readonly payload: P;
}

/** A decoded exception event: the envelope fields and the typed payload. */
export type ExceptionEvent =
  | Envelope<'exception.proposed', ProposedPayload>
  | Envelope<'exception.amended' | 'exception.renewed', RevisedPayload>
  | Envelope<'exception.approved', ApprovedPayload>
  | Envelope<'exception.rejected' | 'exception.changes_requested', ReviewPayload>
  | Envelope<'exception.revoked' | 'exception.expired', VersionPayload>;

/** Why an event could not be decoded. */
export type ExceptionEventError = DecodeError<'CORE_EXCEPTION_EVENT_INVALID'>;

// --- operations ------------------------------------------------------------

/**
 * Decodes an exception event from an event envelope (an EventDraft or a LogEvent; other envelope
 * members are ignored).
 * @param input - the envelope
 * @param at - path of the envelope inside a larger input (e.g. `[7]` for the eighth event)
 * @returns the typed event, or `CORE_EXCEPTION_EVENT_INVALID` with every problem and its path
 * @see docs/spec/exception-v1.md section 9
 * @example
 * decodeExceptionEvent(logEvent, [7]) // left({ path: '$[7].payload.version', … }) for a bad payload
 */
export const decodeExceptionEvent = (
  input: unknown,
  at: ReadonlyArray<PathSegment> = [],
): E.Either<ExceptionEventError, ExceptionEvent> =>
  decodeExceptionEventNoting(input, at, undefined);

/**
 * {@link decodeExceptionEvent}, telling the caller whether the decoded value may differ from the
 * input's members and values (then a proposal's digest cannot be read off its stored text).
 * @param note - when given, `note.normalized` is set: `false` when the fast reader took the event
 *   as it is, `true` when it normalized a proposal or the codecs decided
 * @internal
 */
export const decodeExceptionEventNoting = (
  input: unknown,
  at: ReadonlyArray<PathSegment>,
  note: ReadNote | undefined,
): E.Either<ExceptionEventError, ExceptionEvent> => {
  // Plainly valid events skip the codecs (same value, see event-fast.ts); the codecs decide the rest.
  const fast = readExceptionEventFast(input, EXCEPTION_EVENT_SCHEMA, note);
  if (fast !== undefined) return E.right(fast as unknown as ExceptionEvent);
  if (note !== undefined) note.normalized = true;
  return decodeExceptionEventWithCodecs(input, at);
};

/**
 * {@link decodeExceptionEvent} through the io-ts codecs only (the reference the fast path is
 * tested against).
 * @internal
 */
export const decodeExceptionEventWithCodecs = (
  input: unknown,
  at: ReadonlyArray<PathSegment> = [],
): E.Either<ExceptionEventError, ExceptionEvent> => {
  const envelope = decodeWith(EventEnvelope, input, CODE, 'exception event', at);
  if (E.isLeft(envelope)) return envelope;
  const env = envelope.right;
  const codec = PAYLOAD_CODECS[env.type];
  const payload = decodeWith(codec, env.payload, CODE, 'exception event payload', [
    ...at,
    'payload',
  ]);
  if (E.isLeft(payload)) return payload;
  // The reason is free text: required for decisions and revisions, else "" or text.
  if ((REASON_REQUIRED.has(env.type) || env.reason !== '') && !Text.is(env.reason)) {
    return decodeWith(Text, env.reason, CODE, `reason of ${env.type}`, [
      ...at,
      'reason',
    ]) as E.Left<ExceptionEventError>;
  }
  return E.right({
    type: env.type,
    time: env.time,
    actor: { id: env.actor.id, kind: env.actor.kind },
    reason: env.reason,
    subject: env.subject,
    payload: payload.right,
  } as ExceptionEvent);
};

/**
 * Turns a typed exception event into the shared envelope (payload encoded to JSON).
 * @param event - a typed event
 * @returns the EventDraft to append to a log
 * @example
 * encodeExceptionEvent({ type: 'exception.revoked', … }).payload // { schema: 'warrant.exception-event/v1', version: 2 }
 */
export const encodeExceptionEvent = (event: ExceptionEvent): EventDraft => ({
  type: event.type,
  time: event.time,
  actor: { id: event.actor.id, kind: event.actor.kind },
  reason: event.reason,
  subject: event.subject,
  payload: PAYLOAD_CODECS[event.type].encode(event.payload) as Record<string, unknown>,
});

/**
 * Whether an envelope type belongs to the exception lifecycle (`exception.` prefix).
 * @param type - an event type
 * @returns true for the types of {@link EXCEPTION_EVENT_TYPES}
 * @example
 * isExceptionEventType('exception.approved') // true
 */
export const isExceptionEventType = (type: unknown): type is ExceptionEventType =>
  typeof type === 'string' && (EXCEPTION_EVENT_TYPES as ReadonlyArray<string>).includes(type);

// --- internal --------------------------------------------------------------

const CODE = 'CORE_EXCEPTION_EVENT_INVALID' as const;

const REASON_REQUIRED = new Set<ExceptionEventType>([
  'exception.amended',
  'exception.renewed',
  'exception.rejected',
  'exception.changes_requested',
  'exception.revoked',
]);

const PAYLOAD_CODECS: Record<ExceptionEventType, t.Mixed> = {
  'exception.proposed': ProposedPayload,
  'exception.amended': RevisedPayload,
  'exception.renewed': RevisedPayload,
  'exception.approved': ApprovedPayload,
  'exception.rejected': ReviewPayload,
  'exception.changes_requested': ReviewPayload,
  'exception.revoked': VersionPayload,
  'exception.expired': VersionPayload,
};

// Open envelope (a LogEvent has more members: schema, log_id, seq, hashes), closed payloads.
const EventEnvelope = t.type(
  {
    type: literalUnion('ExceptionEventType', EXCEPTION_EVENT_TYPES),
    time: Timestamp,
    actor: t.type({ id: Name, kind: Actor.type.props.kind }, 'Actor'),
    reason: t.string,
    subject: ExceptionId,
    payload: t.UnknownRecord,
  },
  'ExceptionEventEnvelope',
);
