/**
 * The event envelope shared by every append-only log in Warrant.
 *
 * A producer (e.g. an exception lifecycle command) makes {@link EventDraft}s: what happened, when,
 * who did it and why. A log seals each draft into a {@link LogEvent} by assigning the next
 * sequence number and chaining it to its predecessor by hash. The chaining rules (hash input,
 * genesis value, verification) live in event-log code and docs/spec/event-log-v1.md.
 * @module
 */
import * as t from 'io-ts';
import { Sha256Digest } from './digest';
import { Timestamp } from './time';

// --- model -----------------------------------------------------------------

/** Who acted: a person or an automated service, by a stable identifier. */
export const Actor = t.strict(
  {
    /** Stable identifier of the actor, e.g. `alice@example.com` or `svc:ci-pipeline`. */
    id: t.string,
    /** `human` for people, `service` for automation. */
    kind: t.union([t.literal('human'), t.literal('service')]),
  },
  'Actor',
);
/** Who acted: a person or an automated service, by a stable identifier. */
export type Actor = t.TypeOf<typeof Actor>;

/** Brand of {@link LogId}. */
export interface LogIdBrand {
  readonly LogId: unique symbol;
}

// Lowercase letters, digits, '.', '_' and '-', 1 to 64 characters, starting and ending with a
// letter or digit: safe as a file name on every platform (no case folding), a SQL key and a URL
// segment, and already canonical JSON text (ASCII, nothing to escape).
const LOG_ID_PATTERN = /^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$/;

/**
 * Identifies one log (one per tenant): 1-64 characters of `[a-z0-9._-]`, starting and ending
 * with a letter or digit.
 * @see docs/spec/event-log-v1.md section 2
 */
export const LogId = t.brand(
  t.string,
  (s): s is t.Branded<string, LogIdBrand> => LOG_ID_PATTERN.test(s),
  'LogId',
);
/** Identifies one log (one per tenant). */
export type LogId = t.TypeOf<typeof LogId>;

/** Brand of {@link EventSeq}. */
export interface EventSeqBrand {
  readonly EventSeq: unique symbol;
}

/** A position in a log: an integer from 0 to 2^53-1. */
export const EventSeq = t.brand(
  t.number,
  (n): n is t.Branded<number, EventSeqBrand> => Number.isSafeInteger(n) && n >= 0,
  'EventSeq',
);
/** A position in a log: an integer from 0 to 2^53-1. */
export type EventSeq = t.TypeOf<typeof EventSeq>;

/** A JSON object payload (validated further by the event type's own codec). */
export const EventPayload = t.UnknownRecord;

/** An event before it is appended to a log: no sequence number or hashes yet. */
export const EventDraft = t.strict(
  {
    /** Event type, e.g. `exception.proposed`; namespaced by producer. */
    type: t.string,
    /** When it happened (an input, never the wall clock inside the library). */
    time: Timestamp,
    /** Who did it. */
    actor: Actor,
    /** Why, in the actor's words; may be empty only where the event type allows. */
    reason: t.string,
    /** The entity the event is about, e.g. an exception id; groups events for per-subject reads. */
    subject: t.string,
    /** Type-specific data. */
    payload: EventPayload,
  },
  'EventDraft',
);
/** An event before it is appended to a log: no sequence number or hashes yet. */
export type EventDraft = t.TypeOf<typeof EventDraft>;

/** An event as stored: the draft, its position in one log, and its links in the hash chain. */
export const LogEvent = t.intersection(
  [
    EventDraft,
    t.strict({
      /** Schema identifier of the stored record. */
      schema: t.literal('warrant.event/v1'),
      /** The log (one per tenant) this event belongs to. */
      log_id: LogId,
      /** Position in the log, starting at 0, without gaps. */
      seq: EventSeq,
      /** `hash` of the event at `seq - 1`; for `seq` 0 the genesis value defined by the log spec. */
      prev_hash: Sha256Digest,
      /** SHA-256 over the canonical JSON (RFC 8785) of this record without the `hash` member. */
      hash: Sha256Digest,
    }),
  ],
  'LogEvent',
);
/** An event as stored: the draft, its position in one log, and its links in the hash chain. */
export type LogEvent = t.TypeOf<typeof LogEvent>;
