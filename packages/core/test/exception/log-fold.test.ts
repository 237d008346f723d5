import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  encodeEventLines,
  foldExceptionLog,
  proposalDigest,
  verifyAndFoldExceptionLines,
  type EventDraft,
  type ExceptionRecord,
  type VerifiedExceptionLog,
} from '@warrant/core';
import { LOG, seal } from '../event-log/arbitraries';
import { approved, proposed, revised } from './events';
import { proposal } from './fixtures';

const stored = (drafts: ReadonlyArray<EventDraft>): Uint8Array => {
  const bytes = encodeEventLines(seal(drafts));
  if (E.isLeft(bytes)) throw new Error(bytes.left.message);
  return bytes.right;
};

const p = proposal();
const log = [
  proposed('2026-01-01T00:00:00Z', 'alice', 'exc-b', p),
  proposed('2026-01-01T00:00:01Z', 'alice', 'exc-a', p),
  approved('2026-01-02T00:00:00Z', 'bob', 'exc-b', 1, p, true),
];

describe('verifyAndFoldExceptionLines', () => {
  it('returns the verification report and the records sorted by exception id', () => {
    const r = verifyAndFoldExceptionLines(LOG, stored(log), { root: true });
    if (E.isLeft(r)) throw new Error(r.left[0].message);
    expect(r.right.report.count).toBe(3);
    expect(r.right.report.root).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(r.right.records.map((x) => x.exception_id)).toEqual(['exc-a', 'exc-b']);
    expect(r.right.records[1]?.versions[0]?.content_digest).toBe(proposalDigest(p));
    expect(r.right.records[1]?.versions[0]?.approved_at).toBe('2026-01-02T00:00:00Z');
    expect(r.right.records).toEqual(E.getOrElseW(() => [])(foldExceptionLog(seal(log))));
  });

  it('returns the one fold error, with the path of the line, when the log verifies', () => {
    const twice = [...log, proposed('2026-01-03T00:00:00Z', 'carol', 'exc-a', p)];
    const r = verifyAndFoldExceptionLines(LOG, stored(twice));
    expect(E.isLeft(r) && r.left).toEqual([
      {
        code: 'CORE_EXCEPTION_EVENT_UNEXPECTED',
        message: 'the exception already exists',
        path: '$[3].type',
      },
    ]);
  });

  it('returns the verification errors first: a fold cannot be trusted over a broken log', () => {
    const twice = [...log, proposed('2026-01-03T00:00:00Z', 'carol', 'exc-a', p)];
    const bytes = stored(twice).slice();
    // The last event's time, 2026-01-03 made 2026-01-04: its hash no longer holds.
    bytes[new TextDecoder().decode(bytes).lastIndexOf('2026-01-03T') + 9] = 0x34;
    const r = verifyAndFoldExceptionLines(LOG, bytes);
    expect(E.isLeft(r) && r.left.map((e) => e.code)).toEqual(['CORE_LOG_HASH_MISMATCH']);
  });

  it('reads a proposal whose sets are stored unsorted through the slow digest, correctly', () => {
    const unsorted = {
      ...p,
      scope: { ...p.scope, vulnerabilities: ['CVE-2024-0002', 'CVE-2024-0001'] },
    } as unknown as typeof p;
    const r = verifyAndFoldExceptionLines(
      LOG,
      stored([proposed('2026-01-01T00:00:00Z', 'alice', 'exc-a', unsorted)]),
    );
    if (E.isLeft(r)) throw new Error(r.left[0].message);
    const content = r.right.records[0]?.versions[0]?.content;
    expect(content?.scope.vulnerabilities).toEqual(['CVE-2024-0001', 'CVE-2024-0002']);
    expect(r.right.records[0]?.versions[0]?.content_digest).toBe(proposalDigest(content!));
  });
});

describe('records kept by a fold', () => {
  const deepFreeze = <A>(x: A): A => {
    if (typeof x === 'object' && x !== null) {
      for (const v of Object.values(x)) deepFreeze(v);
      Object.freeze(x);
    }
    return x;
  };

  it('share the parts of a new version equal to the latest version, never modifying the events', () => {
    const renewed = { ...p, rationale: 'Still unreachable.', expires_at: '2026-06-01T00:00:00Z' };
    const history = deepFreeze([
      proposed('2026-01-01T00:00:00Z', 'alice', 'exc-a', p),
      approved('2026-01-02T00:00:00Z', 'bob', 'exc-a', 1, p, true),
      revised('renewed', '2026-03-01T00:00:00Z', 'alice', 'exc-a', 2, 1, renewed as never),
    ]);
    const one = verifyAndFoldExceptionLines(LOG, stored(history));
    for (const r of [
      foldExceptionLog(history),
      E.map((v: VerifiedExceptionLog) => v.records)(one),
    ]) {
      const records: ReadonlyArray<ExceptionRecord> = E.isRight(r) ? r.right : [];
      const [v1, v2] = records[0]?.versions ?? [];
      expect(v2?.content.scope).toBe(v1?.content.scope);
      expect(v2?.content.evidence_refs).toBe(v1?.content.evidence_refs);
      expect(v2?.content.rationale).toBe('Still unreachable.');
      expect(v2?.content).toEqual(renewed);
      expect(Object.keys(v2?.content ?? {})).toEqual(Object.keys(v1?.content ?? {}));
      expect(v2?.content_digest).toBe(proposalDigest(renewed as never));
    }
  });
});
