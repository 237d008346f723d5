import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import {
  decodeException,
  Exception,
  exceptionStateAt,
  foldExceptionEvents,
  fromEpochMillis,
  type EventDraft,
  type Timestamp,
} from '@warrant/core';
import { approvalProgress, executeExceptionCommand, requirementsFor } from '@warrant/policy';
import { CONFIG } from '../fixtures';
import { arbRun, commandFor, DAY, proposeFor, T0 } from './command-gen';

describe('lifecycle laws', () => {
  it('any sequence of commands yields a state that the fold reproduces, and governance holds', () => {
    fc.assert(
      fc.property(arbRun, ({ env, requester, steps }) => {
        let t = T0;
        const start = executeExceptionCommand(undefined, proposeFor(env, requester), CONFIG);
        if (E.isLeft(start)) throw new Error(start.left.message);
        let record = start.right.record;
        const events: EventDraft[] = [...start.right.events];
        for (const s of steps) {
          t += s.dt;
          const r = executeExceptionCommand(record, commandFor(s, record, t, env), CONFIG);
          if (E.isLeft(r)) {
            expect(['POLICY_COMMAND_REFUSED', 'POLICY_COMMAND_INVALID']).toContain(r.left.code);
            continue;
          }
          const before = record;
          events.push(...r.right.events);
          const folded = foldExceptionEvents(events);
          if (E.isLeft(folded)) throw new Error(folded.left.message);
          expect(r.right.record).toEqual(folded.right);
          expect(r.right.state).toEqual(
            exceptionStateAt(folded.right, fromEpochMillis(t) as Timestamp),
          );
          if (s.kind === 'amend' || s.kind === 'renew') {
            expect(folded.right.versions.slice(0, before.versions.length)).toEqual(before.versions);
          }
          record = folded.right;
        }
        // Governance soundness: every approved version had the required approvals when it was
        // approved, and no forbidden self-approval.
        for (const v of record.versions) {
          const req = requirementsFor(CONFIG, v.content);
          if (v.approved_at !== undefined)
            expect(approvalProgress(req, v.approvals).satisfied).toBe(true);
          const requesters = new Set(
            record.versions.filter((w) => w.version <= v.version).map((w) => w.requester),
          );
          if (!req.self_approval.value)
            expect(v.approvals.some((a) => requesters.has(a.id))).toBe(false);
        }
        for (const probe of [0, 30, 90, 200, 400]) {
          const s = exceptionStateAt(record, fromEpochMillis(T0 + probe * DAY) as Timestamp);
          for (const v of s?.versions ?? [])
            expect(decodeException(Exception.encode(v))).toEqual(E.right(v));
        }
      }),
      { seed: 71, numRuns: 250 },
    );
  });

  it('the generator reaches approvals, renewals, amendments, revocations and refusals', () => {
    const seen = new Set<string>();
    for (const { env, requester, steps } of fc.sample(arbRun, { seed: 72, numRuns: 200 })) {
      let t = T0;
      const start = executeExceptionCommand(undefined, proposeFor(env, requester), CONFIG);
      if (E.isLeft(start)) continue;
      let record = start.right.record;
      for (const s of steps) {
        t += s.dt;
        const r = executeExceptionCommand(record, commandFor(s, record, t, env), CONFIG);
        if (E.isLeft(r)) {
          if ('refusals' in r.left) for (const x of r.left.refusals) seen.add(x.code);
          continue;
        }
        for (const e of r.right.events)
          seen.add(
            e.type === 'exception.approved' ? `approved:${String(e.payload.final)}` : e.type,
          );
        record = r.right.record;
      }
    }
    for (const k of [
      'approved:true',
      'approved:false',
      'exception.renewed',
      'exception.amended',
      'exception.revoked',
      'exception.rejected',
      'exception.changes_requested',
      'POLICY_SELF_APPROVAL_FORBIDDEN',
      'POLICY_ROLE_NOT_HELD',
      'POLICY_STATE_CONFLICT',
      'POLICY_EXTENSION_EXCEEDED',
    ]) {
      expect(seen.has(k), k).toBe(true);
    }
  });
});
