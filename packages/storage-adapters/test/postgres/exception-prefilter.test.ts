import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { PGlite } from '@electric-sql/pglite';
import {
  decodeProposal,
  encodeExceptionEvent,
  EXCEPTION_EVENT_SCHEMA,
  proposalDigest,
  type EventDraft,
  type ExceptionQuery,
  type LogId,
  type Sha256Digest,
  type Timestamp,
  type WarrantStore,
} from '@warrant/core';
import { createMemoryStore } from '@warrant/storage-adapters/memory';
import {
  createPgliteClient,
  migrate,
  openPostgresStore,
  type PostgresStore,
} from '@warrant/storage-adapters/postgres';

// The SQL pre-filter must never change an answer: every query gives what the memory store
// (the plain fold) gives, over exceptions with and without artifacts, amended, revoked and
// expiring at different times.
const LOG = 'prefilter' as LogId;
const dg = (i: number): Sha256Digest => `sha256:${String(i % 10).repeat(64)}` as Sha256Digest;
const ts = (s: string): Timestamp => s as Timestamp;

const proposal = (i: number, v: number) => {
  const p = decodeProposal({
    type: 'vulnerability',
    owner: `team-${i % 3}`,
    scope: {
      ...(i % 4 === 0 ? {} : { artifacts: [{ digest: dg(i + v) }, { digest: dg(i + 5) }] }),
      vulnerabilities: [`CVE-2026-${1000 + i}`],
    },
    reason_code: 'NOT_AFFECTED',
    rationale: 'not reachable',
    risk_acceptance: { accepted: false },
    risk_score: 10,
    expires_at: `2026-0${1 + ((i + v) % 9)}-15T00:00:00Z`,
  });
  if (E.isLeft(p)) throw new Error(p.left.message);
  return p.right;
};

const history = (i: number): EventDraft[] => {
  const subject = `exc-${i}`;
  const actor = { id: 'alice', kind: 'human' as const };
  const p1 = proposal(i, 0);
  const out: EventDraft[] = [
    encodeExceptionEvent({
      type: 'exception.proposed',
      time: ts('2026-01-01T00:00:00Z'),
      actor,
      reason: 'r',
      subject,
      payload: { schema: EXCEPTION_EVENT_SCHEMA, version: 1, proposal: p1 },
    }),
  ];
  if (i % 3 !== 2) {
    out.push(
      encodeExceptionEvent({
        type: 'exception.approved',
        time: ts('2026-01-02T00:00:00Z'),
        actor: { id: 'bob', kind: 'human' },
        reason: '',
        subject,
        payload: {
          schema: EXCEPTION_EVENT_SCHEMA,
          version: 1,
          role: 'security-reviewer',
          content_digest: proposalDigest(p1),
          final: true,
        },
      }),
    );
  }
  if (i % 5 === 1 && i % 3 !== 2) {
    out.push(
      encodeExceptionEvent({
        type: 'exception.revoked',
        time: ts('2026-01-05T00:00:00Z'),
        actor,
        reason: 'fixed',
        subject,
        payload: { schema: EXCEPTION_EVENT_SCHEMA, version: 1 },
      }),
    );
  }
  return out;
};

describe('exception queries: the SQL pre-filter agrees with the plain fold', () => {
  let db: PGlite;
  let pgStore: PostgresStore;
  const memory: WarrantStore = createMemoryStore();
  beforeAll(async () => {
    db = new PGlite();
    const m = await migrate(createPgliteClient(db), { schema: 'w' });
    if (E.isLeft(m)) throw new Error(m.left.message);
    const opened = await openPostgresStore(createPgliteClient(db), { schema: 'w' });
    if (E.isLeft(opened)) throw new Error(opened.left.message);
    pgStore = opened.right;
    const drafts = Array.from({ length: 40 }, (_, i) => history(i)).flat();
    for (const s of [pgStore, memory]) {
      const r = await s.events.append(LOG, 0, drafts);
      if (E.isLeft(r)) throw new Error(r.left.message);
    }
  });
  afterAll(async () => {
    await pgStore.close();
    await db.close();
  });

  const queries: ExceptionQuery[] = [];
  for (const at of ['2026-01-01T12:00:00Z', '2026-01-10T00:00:00Z', '2026-03-01T00:00:00Z']) {
    const t = ts(at);
    queries.push(
      { at: t, active_for_artifacts: [dg(1)] },
      { at: t, active_for_artifacts: [dg(3), dg(7)] },
      { at: t, active_for_artifacts: [] },
      { at: t, expiring_within_days: 30 },
      { at: t, expiring_within_days: 0 },
      // A window ending past year 9999: answered (the bound is dropped), never a RangeError.
      { at: t, expiring_within_days: 3_000_000 },
      { at: t, filter: { owners: ['team-1'] } },
      { at: t, filter: { exception_ids: ['exc-3', 'exc-4', 'nope'] } },
      { at: t, filter: { artifacts: [dg(2)], statuses: ['active', 'proposed'] } },
      {
        at: t,
        filter: {
          expires_from: ts('2026-03-01T00:00:00Z'),
          expires_before: ts('2026-06-01T00:00:00Z'),
        },
      },
      {
        at: t,
        active_for_artifacts: [dg(4)],
        expiring_within_days: 200,
        filter: { owners: ['team-0', 'team-2'] },
      },
    );
  }
  it.each(queries.map((q) => [JSON.stringify(q), q] as const))('%s', async (_, q) => {
    const a = await pgStore.exceptions.query(LOG, q);
    const b = await memory.exceptions.query(LOG, q);
    expect(a).toEqual(b);
  });
});
