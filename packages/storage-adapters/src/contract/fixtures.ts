/**
 * Deterministic drafts for the contract suite.
 * @module
 */
import type { EventDraft, LogId, Timestamp } from '@warrant/core';

/** The logs the suite writes to. @internal */
export const LOG_A = 'contract-a' as LogId;
/** @internal */
export const LOG_B = 'contract-b' as LogId;

/** A draft whose content depends on `i` only. @internal */
export const draft = (i: number, subject = `exc-${i % 3}`): EventDraft => ({
  type: i % 2 === 0 ? 'exception.proposed' : 'exception.approved',
  time: `2026-01-${String(1 + (i % 28)).padStart(2, '0')}T00:00:${String(i % 60).padStart(2, '0')}Z` as Timestamp,
  actor: {
    id: i % 5 === 0 ? 'svc:ci' : `user${i % 4}@example.com`,
    kind: i % 5 === 0 ? 'service' : 'human',
  },
  reason: `reason ${i} \u20ac \ud83d\ude00`,
  subject,
  payload: { i, nested: { list: [i, `${i}`, null, true, 1.5], z: {} }, ünï: 'côdé' },
});

/** `n` drafts starting at `start`. @internal */
export const drafts = (n: number, start = 0): EventDraft[] =>
  Array.from({ length: n }, (_, k) => draft(start + k));
