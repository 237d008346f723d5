/**
 * The hash chain of a Warrant event log: the genesis value, the event hash and sealing drafts
 * into stored events.
 *
 * Every event's `hash` is SHA-256 over the RFC 8785 canonical JSON of the record without its
 * `hash` member; `prev_hash` is the previous event's `hash`, and for the first event the genesis
 * value of the log, a digest bound to the log id. See docs/spec/event-log-v1.md sections 2-4.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { utf8Encode } from '../bytes';
import { canonicalizeToBytes } from '../canonical-json';
import { digestBytes, type Sha256Digest } from '../digest';
import { makeError, type WarrantError } from '../errors';
import { EventDraft, type EventSeq, type LogEvent, type LogId } from '../event';
import { formatJsonPath, type PathSegment } from '../json-path';
import { toDecodeIssues } from './decode-issues';

// --- model -----------------------------------------------------------------

/** The `schema` member of every stored event. */
export const EVENT_SCHEMA = 'warrant.event/v1' as const;

/** The `schema` member of the genesis object whose digest is the first `prev_hash`. */
export const GENESIS_SCHEMA = 'warrant.event-genesis/v1' as const;

/** Where a log ends: its id, its size (the next `seq`) and the hash to link the next event to. */
export interface ChainHead {
  readonly log_id: LogId;
  /** Number of events; also the `seq` the next event gets. */
  readonly size: number;
  /** `hash` of the event at `size - 1`, or the genesis value when the log is empty. */
  readonly hash: Sha256Digest;
}

/** A stored event without its `hash`: exactly the object the hash is computed over. */
export type UnhashedEvent = Omit<LogEvent, 'hash'>;

/** Why drafts could not be sealed: a draft failed its codec or holds a non-JSON value. */
export type SealError = WarrantError<'CORE_EVENT_DRAFT_INVALID'> & { readonly path: string };

// --- operations ------------------------------------------------------------

/**
 * The genesis value of a log: the `prev_hash` of its event 0.
 * @param logId - the log
 * @returns SHA-256 of the canonical JSON `{"log_id":<logId>,"schema":"warrant.event-genesis/v1"}`
 * @see docs/spec/event-log-v1.md section 3
 * @example
 * genesisHash('acme' as LogId) // 'sha256:…' (the same for every implementation)
 */
export const genesisHash = (logId: LogId): Sha256Digest =>
  // A LogId is ASCII without characters JSON escapes, so this template is already RFC 8785 text.
  digestBytes(utf8Encode(`{"log_id":"${logId}","schema":"${GENESIS_SCHEMA}"}`));

/**
 * The head of an empty log.
 * @param logId - the log
 * @returns size 0 and the genesis hash
 * @example
 * emptyHead('acme' as LogId) // { log_id: 'acme', size: 0, hash: genesisHash('acme') }
 */
export const emptyHead = (logId: LogId): ChainHead => ({
  log_id: logId,
  size: 0,
  hash: genesisHash(logId),
});

/**
 * Computes an event's hash: SHA-256 over the RFC 8785 bytes of the record without `hash`.
 * @param record - the event without its `hash` member (any `hash` member present is ignored)
 * @returns `sha256:<hex>`, or the canonicalization refusal (e.g. a non-finite number in the payload)
 * @see docs/spec/event-log-v1.md section 4
 * @example
 * computeEventHash(event) // right(event.hash) for an intact event
 */
export const computeEventHash = (
  record: UnhashedEvent | LogEvent,
): E.Either<SealError, Sha256Digest> => {
  const { hash: _ignored, ...unhashed } = record as LogEvent;
  return E.bimap(
    (e: WarrantError & { readonly path: string }) =>
      makeError('CORE_EVENT_DRAFT_INVALID', e.message, e.path) as SealError,
    digestBytes,
  )(canonicalizeToBytes(unhashed));
};

/**
 * Seals drafts into stored events after `head`: assigns `seq`, links `prev_hash`, computes `hash`.
 * @param head - where the log ends now (see {@link emptyHead})
 * @param drafts - the events to append, in order; each is checked with the `EventDraft` codec
 * @returns the sealed events and the new head, or `CORE_EVENT_DRAFT_INVALID` naming the first
 *   offending draft member as `$[i].member`; nothing is sealed unless every draft is valid
 * @see docs/spec/event-log-v1.md section 4
 * @example
 * const r = sealEvents(emptyHead(logId), [draft]);
 * // right({ events: [{ …draft, schema: 'warrant.event/v1', log_id, seq: 0, prev_hash, hash }], head })
 */
export const sealEvents = (
  head: ChainHead,
  drafts: ReadonlyArray<EventDraft>,
): E.Either<SealError, { readonly events: ReadonlyArray<LogEvent>; readonly head: ChainHead }> => {
  const events: LogEvent[] = [];
  let prev = head.hash;
  for (let i = 0; i < drafts.length; i++) {
    const decoded = EventDraft.decode(drafts[i]);
    if (E.isLeft(decoded)) {
      const issue = toDecodeIssues(decoded.left, [i])[0];
      return E.left(
        makeError(
          'CORE_EVENT_DRAFT_INVALID',
          `expected ${issue?.expected ?? 'an EventDraft'}, found ${issue?.found ?? '?'}`,
          issue?.path ?? formatJsonPath([i]),
        ) as SealError,
      );
    }
    const d = decoded.right;
    // Built member by member so the stored record holds exactly what was hashed.
    const unhashed: UnhashedEvent = {
      schema: EVENT_SCHEMA,
      log_id: head.log_id,
      seq: (head.size + i) as EventSeq,
      prev_hash: prev,
      type: d.type,
      time: d.time,
      actor: { id: d.actor.id, kind: d.actor.kind },
      reason: d.reason,
      subject: d.subject,
      payload: d.payload,
    };
    const unsafe = findUnsafeInteger(d.payload, [i, 'payload']);
    if (unsafe !== undefined) {
      return E.left(makeError('CORE_EVENT_DRAFT_INVALID', UNSAFE_MESSAGE, unsafe) as SealError);
    }
    const hash = computeEventHash(unhashed);
    if (E.isLeft(hash)) {
      const inner = hash.left.path.slice(1); // canonicalize paths start at the record root '$'
      return E.left({ ...hash.left, path: `${formatJsonPath([i])}${inner}` });
    }
    events.push({ ...unhashed, hash: hash.right });
    prev = hash.right;
  }
  return E.right({
    events,
    head: { log_id: head.log_id, size: head.size + drafts.length, hash: prev },
  });
};

/** @internal */
export const UNSAFE_MESSAGE =
  'an integral number beyond ±(2^53-1) cannot be stored: it would not survive a JSON round trip ' +
  '(RFC 7493 section 2.2); encode it as a string';

/**
 * The path of the first integral number beyond ±(2^53-1) in a JSON value, if any (such numbers
 * are refused in events so every reader, including the strict parser, gets the same value).
 * @internal
 */
export const findUnsafeInteger = (
  value: unknown,
  prefix: ReadonlyArray<PathSegment>,
): string | undefined => {
  if (typeof value === 'number') {
    return Number.isInteger(value) && !Number.isSafeInteger(value)
      ? formatJsonPath(prefix)
      : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = findUnsafeInteger(value[i], [...prefix, i]);
      if (p !== undefined) return p;
    }
    return undefined;
  }
  // Canonical (RFC 8785) member order, so every implementation names the same first offender.
  for (const key of Object.keys(value).sort()) {
    const p = findUnsafeInteger((value as Record<string, unknown>)[key], [...prefix, key]);
    if (p !== undefined) return p;
  }
  return undefined;
};

/** @internal The exact member names of a stored event (unknown members are an edit). */
export const EVENT_MEMBERS: ReadonlySet<string> = new Set([
  'actor',
  'hash',
  'log_id',
  'payload',
  'prev_hash',
  'reason',
  'schema',
  'seq',
  'subject',
  'time',
  'type',
]);

/** @internal The exact member names of an actor. */
export const ACTOR_MEMBERS: ReadonlySet<string> = new Set(['id', 'kind']);
