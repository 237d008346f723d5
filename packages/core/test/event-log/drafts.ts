/** Deterministic drafts for example tests. */
import type { EventDraft, Timestamp } from '@warrant/core';

export const draft = (i: number): EventDraft => ({
  type: i % 2 === 0 ? 'exception.proposed' : 'exception.approved',
  time: `2026-01-0${1 + (i % 9)}T00:00:00Z` as Timestamp,
  actor: { id: `user${i}`, kind: i % 2 === 0 ? 'human' : 'service' },
  reason: 'ok',
  subject: `exc-${i % 3}`,
  payload: { n: i, tags: ['a', 'b'], nested: { z: null, a: true } },
});

export const drafts = (n: number, start = 0): EventDraft[] =>
  Array.from({ length: n }, (_, k) => draft(start + k));
