/**
 * Contract cases for exception queries: which exceptions were active for a release at an
 * instant, filters, expiring within N days, one exception at an instant, and a log whose
 * exception events the fold refuses.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  decodeProposal,
  encodeExceptionEvent,
  EXCEPTION_EVENT_SCHEMA,
  proposalDigest,
  type EventDraft,
  type ExceptionProposal,
  type ExceptionQuery,
  type Sha256Digest,
  type Timestamp,
  type WarrantStore,
} from '@warrant/core';
import { check, left, right, same } from './assert';
import { draft, LOG_A, LOG_B } from './fixtures';
import type { ContractCase } from './harness';

const DIGEST_A = `sha256:${'a'.repeat(64)}` as Sha256Digest;
const DIGEST_B = `sha256:${'b'.repeat(64)}` as Sha256Digest;
const ts = (s: string): Timestamp => s as Timestamp;

const proposal = (owner: string, digest: Sha256Digest, expires: string): ExceptionProposal => {
  const decoded = decodeProposal({
    type: 'vulnerability',
    owner,
    scope: {
      artifacts: [{ digest }],
      components: [{ purl: 'pkg:npm/lodash@4.17.20' }],
      vulnerabilities: ['CVE-2021-23337'],
      environment: { envs: ['prod'] },
    },
    reason_code: 'NOT_AFFECTED',
    rationale: 'The vulnerable function is never called with user input.',
    risk_acceptance: { accepted: false },
    risk_score: 20,
    expires_at: expires,
  });
  if (E.isLeft(decoded))
    throw new Error(`storage contract: fixture proposal: ${decoded.left.message}`);
  return decoded.right;
};

const proposed = (time: string, subject: string, p: ExceptionProposal): EventDraft =>
  encodeExceptionEvent({
    type: 'exception.proposed',
    time: ts(time),
    actor: { id: 'alice', kind: 'human' },
    reason: 'scanner finding not exploitable here',
    subject,
    payload: { schema: EXCEPTION_EVENT_SCHEMA, version: 1, proposal: p },
  });

const approved = (time: string, subject: string, p: ExceptionProposal): EventDraft =>
  encodeExceptionEvent({
    type: 'exception.approved',
    time: ts(time),
    actor: { id: 'bob', kind: 'human' },
    reason: '',
    subject,
    payload: {
      schema: EXCEPTION_EVENT_SCHEMA,
      version: 1,
      role: 'security-reviewer',
      content_digest: proposalDigest(p),
      final: true,
    },
  });

const revoked = (time: string, subject: string): EventDraft =>
  encodeExceptionEvent({
    type: 'exception.revoked',
    time: ts(time),
    actor: { id: 'carol', kind: 'human' },
    reason: 'fixed upstream',
    subject,
    payload: { schema: EXCEPTION_EVENT_SCHEMA, version: 1 },
  });

/** @internal */
export const exceptionCases = <S extends WarrantStore>(): ReadonlyArray<
  readonly [string, ContractCase<S>]
> => [
  [
    'answers exception queries from the folded log, and keeps up with appends',
    async ({ store }) => {
      const p1 = proposal('team-payments', DIGEST_A, '2026-04-01T00:00:00Z');
      const p2 = proposal('team-web', DIGEST_B, '2026-02-10T00:00:00Z');
      const p3 = proposal('team-web', DIGEST_A, '2026-06-01T00:00:00Z');
      right(
        await store.events.append(LOG_A, 0, [
          proposed('2026-01-05T00:00:00Z', 'exc-1', p1),
          { ...draft(1, 'note-1'), type: 'note.added' }, // not an exception event: skipped by the fold
          approved('2026-01-06T00:00:00Z', 'exc-1', p1),
          proposed('2026-01-07T00:00:00Z', 'exc-2', p2),
          approved('2026-01-08T00:00:00Z', 'exc-2', p2),
          proposed('2026-01-09T00:00:00Z', 'exc-3', p3),
        ]),
        'append',
      );
      const ids = async (q: ExceptionQuery): Promise<string[]> =>
        right(await store.exceptions.query(LOG_A, q), `query ${JSON.stringify(q)}`).map(
          (s) => s.exception_id,
        );
      const at = ts('2026-02-01T00:00:00Z');
      same(await ids({ at, active_for_artifacts: [DIGEST_A] }), ['exc-1'], 'active for release A');
      same(
        await ids({ at, active_for_artifacts: [DIGEST_A, DIGEST_B] }),
        ['exc-1', 'exc-2'],
        'active for release A+B',
      );
      same(await ids({ at, expiring_within_days: 14 }), ['exc-2'], 'expiring within 14 days');
      same(await ids({ at, filter: { owners: ['team-web'] } }), ['exc-2', 'exc-3'], 'by owner');
      same(await ids({ at, filter: { statuses: ['proposed'] } }), ['exc-3'], 'by status');
      same(
        await ids({ at, filter: { envs: ['prod'], reason_codes: ['NOT_AFFECTED'] } }),
        ['exc-1', 'exc-2', 'exc-3'],
        'by env and reason',
      );
      same(await ids({ at: ts('2026-01-01T00:00:00Z') }), [], 'nothing existed yet');
      same(
        await ids({ at: ts('2026-03-01T00:00:00Z'), active_for_artifacts: [DIGEST_B] }),
        [],
        'exc-2 expired',
      );
      const s = right(
        await store.exceptions.get(LOG_A, 'exc-1', ts('2026-05-01T00:00:00Z')),
        'get',
      );
      check(s.status === 'expired', `exc-1 is expired on 1 May, got ${s.status}`);
      left(
        await store.exceptions.get(LOG_A, 'exc-1', ts('2026-01-01T00:00:00Z')),
        'STORE_EXCEPTION_NOT_FOUND',
        'before it existed',
      );
      left(
        await store.exceptions.get(LOG_A, 'exc-9', at),
        'STORE_EXCEPTION_NOT_FOUND',
        'unknown id',
      );
      same(right(await store.exceptions.query(LOG_B, { at }), 'other log'), [], 'per log');
      right(
        await store.events.append(LOG_A, 6, [revoked('2026-02-15T00:00:00Z', 'exc-1')]),
        'revoke',
      );
      same(
        await ids({ at: ts('2026-03-01T00:00:00Z'), active_for_artifacts: [DIGEST_A] }),
        [],
        'revoked after the append',
      );
      same(
        await ids({ at, active_for_artifacts: [DIGEST_A] }),
        ['exc-1'],
        'still active at the earlier instant',
      );
      left(
        await store.exceptions.query(LOG_A, { at: 'yesterday' } as unknown as ExceptionQuery),
        'STORE_QUERY_INVALID',
        'bad instant',
      );
      left(
        await store.exceptions.query(LOG_A, { at, expiring_within_days: -1 }),
        'STORE_QUERY_INVALID',
        'negative days',
      );
    },
  ],
  [
    'reports a log whose exception events the lifecycle refuses',
    async ({ store }) => {
      const p = proposal('team-web', DIGEST_A, '2026-06-01T00:00:00Z');
      right(
        await store.events.append(LOG_A, 0, [approved('2026-01-06T00:00:00Z', 'exc-7', p)]),
        'append',
      );
      left(
        await store.exceptions.query(LOG_A, { at: ts('2026-02-01T00:00:00Z') }),
        'STORE_RECORD_CORRUPT',
        'approval of nothing',
      );
    },
  ],
];
