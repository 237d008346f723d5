import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import {
  applyExceptionEvent,
  decodeException,
  Exception,
  exceptionStateAt,
  toEpochMillis,
  type ExceptionRecord,
  type ExceptionStatus,
  type Timestamp,
} from '@warrant/core';
import { arbRun, build, DAY, iso, modelStatuses, T0 } from './lifecycle-gen';

describe('fold laws (model-based)', () => {
  it('fold and the reference model agree on which events are allowed and on every status at every instant', () => {
    fc.assert(
      fc.property(
        arbRun,
        fc.array(fc.integer({ min: 0, max: 400 * DAY }), { minLength: 3, maxLength: 8 }),
        (intents, probes) => {
          const { accepted, record } = build(intents);
          if (record === undefined) return;
          for (const p of probes) {
            const at = T0 + p;
            const state = exceptionStateAt(record, iso(at) as Timestamp);
            expect(state?.versions.map((v) => v.status) ?? []).toEqual(modelStatuses(accepted, at));
          }
        },
      ),
      { seed: 11, numRuns: 400 },
    );
  });

  it('the state at t from all events equals the state at t from the events up to t', () => {
    fc.assert(
      fc.property(arbRun, fc.integer({ min: 0, max: 400 * DAY }), (intents, p) => {
        const { accepted, record } = build(intents);
        if (record === undefined) return;
        const at = iso(T0 + p) as Timestamp;
        let prefix: ExceptionRecord | undefined;
        for (const a of accepted) {
          if (toEpochMillis(a.draft.time) > toEpochMillis(at)) break;
          const r = applyExceptionEvent(prefix, a.draft);
          if (E.isLeft(r)) throw new Error(r.left.message);
          prefix = r.right;
        }
        expect(prefix === undefined ? undefined : exceptionStateAt(prefix, at)).toEqual(
          exceptionStateAt(record, at),
        );
      }),
      { seed: 12, numRuns: 300 },
    );
  });

  it('statuses are monotone in time and snapshots are valid Exception objects', () => {
    const RANK: Record<ExceptionStatus, number> = {
      proposed: 0,
      changes_requested: 1,
      approved: 1,
      active: 2,
      expired: 3,
      revoked: 3,
      rejected: 3,
      superseded: 3,
    };
    fc.assert(
      fc.property(arbRun, (intents) => {
        const { record } = build(intents);
        if (record === undefined) return;
        const last = new Map<number, ExceptionStatus>();
        for (let d = 0; d <= 420; d += 7) {
          const s = exceptionStateAt(record, iso(T0 + d * DAY) as Timestamp);
          for (const v of s?.versions ?? []) {
            const prev = last.get(v.version);
            if (prev !== undefined) {
              expect(RANK[v.status]).toBeGreaterThanOrEqual(RANK[prev]);
              if (RANK[prev] === 3) expect(v.status).toBe(prev);
            }
            last.set(v.version, v.status);
            expect(decodeException(Exception.encode(v))).toEqual(E.right(v));
          }
        }
      }),
      { seed: 13, numRuns: 50 },
    );
  });

  it('applyExceptionEvent never modifies the record it is given', () => {
    fc.assert(
      fc.property(arbRun, (intents) => {
        const { drafts } = build(intents);
        const seen: Array<{ record: ExceptionRecord; json: string }> = [];
        let record: ExceptionRecord | undefined;
        for (const d of drafts) {
          const r = applyExceptionEvent(record, d);
          if (E.isLeft(r)) continue;
          record = r.right;
          seen.push({ record, json: JSON.stringify(record) });
        }
        for (const s of seen) expect(JSON.stringify(s.record)).toBe(s.json);
      }),
      { seed: 14, numRuns: 300 },
    );
  });

  it('amendments and renewals never change earlier versions', () => {
    fc.assert(
      fc.property(arbRun, (intents) => {
        const { accepted } = build(intents);
        let record: ExceptionRecord | undefined;
        for (const a of accepted) {
          const r = applyExceptionEvent(record, a.draft);
          if (E.isLeft(r)) throw new Error(r.left.message);
          if (record !== undefined && (a.model.kind === 'amended' || a.model.kind === 'renewed')) {
            expect(r.right.versions.slice(0, record.versions.length)).toEqual(record.versions);
          }
          record = r.right;
        }
      }),
      { seed: 14, numRuns: 300 },
    );
  });
});

describe('fold laws: generator coverage', () => {
  it('reaches every status and every accepted event kind', () => {
    const statuses = new Set<string>();
    const kinds = new Set<string>();
    for (const intents of fc.sample(arbRun, { seed: 15, numRuns: 300 })) {
      const { accepted, record } = build(intents);
      for (const a of accepted) kinds.add(a.model.kind);
      if (record === undefined) continue;
      for (let d = 0; d <= 420; d += 10) {
        for (const v of exceptionStateAt(record, iso(T0 + d * DAY) as Timestamp)?.versions ?? [])
          statuses.add(v.status);
      }
    }
    expect([...statuses].sort()).toEqual(
      [
        ...new Set<string>([
          'proposed',
          'approved',
          'active',
          'expired',
          'revoked',
          'rejected',
          'changes_requested',
          'superseded',
        ]),
      ].sort(),
    );
    expect([...kinds].sort()).toEqual([
      'amended',
      'approved',
      'changes_requested',
      'expired',
      'proposed',
      'rejected',
      'renewed',
      'revoked',
    ]);
  });
});
