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
  type ExceptionRecord,
  type Timestamp,
} from '@warrant/core';
import { approvalProgress, executeExceptionCommand, requirementsFor } from '@warrant/policy';
import { CONFIG, content, human } from '../fixtures';

const T0 = Date.parse('2026-01-05T00:00:00Z');
const DAY = 86_400_000;
const ACTORS = ['alice', 'bob', 'carol', 'sec', 'sec2', 'cab', 'mallory'];
const ROLES = ['approver', 'security-reviewer', 'cab'];

const arbStep = fc.record({
  kind: fc.constantFrom(
    'approve',
    'approve',
    'approve',
    'reject',
    'request_changes',
    'revoke',
    'amend',
    'renew',
  ),
  actor: fc.nat(ACTORS.length - 1),
  role: fc.nat(ROLES.length - 1),
  dt: fc.constantFrom(0, 3_600_000, DAY, 15 * DAY, 60 * DAY),
  skew: fc.constantFrom(0, 0, 0, 0, -1),
  days: fc.integer({ min: 1, max: 200 }),
  variant: fc.nat(3),
});
const arbRun = fc.record({
  env: fc.constantFrom('dev', 'staging', 'prod'),
  requester: fc.constantFrom('alice', 'bob', 'mallory'),
  steps: fc.array(arbStep, { maxLength: 20 }),
});

type Step = typeof arbStep extends fc.Arbitrary<infer S> ? S : never;

const commandFor = (
  s: Step,
  record: ExceptionRecord,
  t: number,
  env: string,
): Record<string, unknown> => {
  const latest = record.versions[record.versions.length - 1]!;
  // Revisions mostly come from the requester (others are refused), to reach accepted renewals.
  const reviser = s.actor === ACTORS.length - 1 ? 'mallory' : record.versions[0]!.requester;
  const who = s.kind === 'amend' || s.kind === 'renew' ? reviser : ACTORS[s.actor]!;
  const base = { exception_id: record.exception_id, actor: human(who), at: fromEpochMillis(t) };
  const version = Math.max(1, latest.version + s.skew);
  const role = ROLES[s.role]!;
  switch (s.kind) {
    case 'approve':
      return { command: 'approve', ...base, version, role };
    case 'reject':
    case 'request_changes':
      return { command: s.kind, ...base, version, role, reason: 'Reviewed.' };
    case 'revoke':
      return {
        command: 'revoke',
        ...base,
        reason: 'No longer needed.',
        ...(s.variant === 0 ? { role } : {}),
      };
    default: {
      const anchor = Math.max(
        t,
        ...record.versions
          .filter((v) => v.approved_at !== undefined)
          .map((v) => Date.parse(v.content.expires_at)),
      );
      const expires = fromEpochMillis(anchor + (s.days % 100) * DAY + DAY);
      const changes =
        s.variant === 0
          ? { rationale: `Renewed for reason ${s.days}.`, expires_at: expires }
          : s.variant === 1
            ? { expires_at: expires }
            : s.variant === 2
              ? {
                  scope: {
                    ...(content(env).scope as object),
                    environment: { envs: [env], namespaces: ['payments'] },
                  },
                }
              : { risk_score: s.days % 100 };
      return { command: s.kind, ...base, reason: 'Justified change.', changes };
    }
  }
};

describe('lifecycle laws', () => {
  it('any sequence of commands yields a state that the fold reproduces, and governance holds', () => {
    fc.assert(
      fc.property(arbRun, ({ env, requester, steps }) => {
        let t = T0;
        const start = executeExceptionCommand(
          undefined,
          {
            command: 'propose',
            actor: human(requester),
            at: fromEpochMillis(t),
            proposal: content(env, { expires_at: fromEpochMillis(t + 60 * DAY) }),
          },
          CONFIG,
        );
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
      const start = executeExceptionCommand(
        undefined,
        {
          command: 'propose',
          actor: human(requester),
          at: fromEpochMillis(t),
          proposal: content(env, { expires_at: fromEpochMillis(t + 60 * DAY) }),
        },
        CONFIG,
      );
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
