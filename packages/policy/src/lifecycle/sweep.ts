/**
 * The sweep (docs/spec/governance-v1.md section 6.9): expiry takes effect without it, but a host
 * runs it periodically to append `exception.expired` events for the record and to learn which
 * exceptions expire within N days (for the notifications it sends).
 * @module
 */
import {
  compareTimestamps,
  encodeExceptionEvent,
  EXCEPTION_EVENT_SCHEMA,
  exceptionStateAt,
  isExpiringWithin,
  type Actor,
  type EventDraft,
  type ExceptionRecord,
  type Timestamp,
} from '@warrant/core';

/** An exception expiring soon. */
export interface ExpiringException {
  readonly exception_id: string;
  readonly version: number;
  readonly owner: string;
  readonly expires_at: Timestamp;
}

/** What a sweep found. */
export interface SweepResult {
  /** `exception.expired` events to append, by exception id then version. */
  readonly events: ReadonlyArray<EventDraft>;
  /** Approved or active exceptions expiring within the window, soonest first (then by id). */
  readonly expiring: ReadonlyArray<ExpiringException>;
}

/**
 * Sweeps exceptions at an instant.
 * @param records - the records of the exceptions to sweep (any order)
 * @param now - the instant (from the host's clock)
 * @param options - the sweeping service's actor, and the notification window in days (>= 0)
 * @returns the expiry records to append and the exceptions expiring within the window
 * @see docs/spec/governance-v1.md section 6.9
 * @example
 * const { events, expiring } = sweepExceptions(records, now, { actor: { id: 'svc:sweeper', kind: 'service' }, expiringWithinDays: 14 });
 */
export const sweepExceptions = (
  records: ReadonlyArray<ExceptionRecord>,
  now: Timestamp,
  options: { readonly actor: Actor; readonly expiringWithinDays: number },
): SweepResult => {
  if (!Number.isInteger(options.expiringWithinDays) || options.expiringWithinDays < 0) {
    throw new RangeError(
      `expiringWithinDays must be a non-negative integer, got ${options.expiringWithinDays}`,
    );
  }
  const sorted = [...records].sort((a, b) =>
    a.exception_id < b.exception_id ? -1 : a.exception_id > b.exception_id ? 1 : 0,
  );
  const events: EventDraft[] = [];
  const expiring: ExpiringException[] = [];
  for (const record of sorted) {
    if (compareTimestamps(now, record.last_time) < 0) continue; // never write into the past
    const state = exceptionStateAt(record, now);
    if (state === undefined) continue;
    for (const v of state.versions) {
      if (v.status !== 'expired' || v.expiry_recorded_at !== undefined) continue;
      events.push(
        encodeExceptionEvent({
          type: 'exception.expired',
          time: now,
          actor: options.actor,
          reason: '',
          subject: record.exception_id,
          payload: { schema: EXCEPTION_EVENT_SCHEMA, version: v.version },
        }),
      );
    }
    if (isExpiringWithin(state, options.expiringWithinDays)) {
      const c = state.current;
      expiring.push({
        exception_id: record.exception_id,
        version: c.version,
        owner: c.owner,
        expires_at: c.expires_at,
      });
    }
  }
  expiring.sort(
    (a, b) =>
      compareTimestamps(a.expires_at, b.expires_at) || (a.exception_id < b.exception_id ? -1 : 1),
  );
  return { events, expiring };
};
