// Durations and extensions whose limit lies past the last representable instant
// (9999-12-31T23:59:59.999Z): commands near year 9999 are refused or accepted, never thrown
// (docs/spec/governance-v1.md sections 5, 6.4 and 6.7).
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import type { ExceptionRecord, Timestamp } from '@warrant/core';
import { executeExceptionCommand, sweepExceptions } from '@warrant/policy';
import { CONFIG, content, human, Session } from '../fixtures';

const proposeAt = (at: string, over: Record<string, unknown>) => ({
  command: 'propose',
  actor: human('alice'),
  at,
  proposal: content('staging', over),
});

/** An exception in staging, approved on 9999-10-02, expiring 9999-11-01. */
const approvedNear9999 = (): Session => {
  const s = new Session();
  s.run(proposeAt('9999-10-01T00:00:00Z', { expires_at: '9999-11-01T00:00:00Z' }));
  s.run({
    command: 'approve',
    actor: human('sec'),
    at: '9999-10-02T00:00:00Z',
    role: 'security-reviewer',
    version: 1,
  });
  return s;
};

describe('limits beyond year 9999', () => {
  it('accepts an expiry when start + max_duration_days is not representable', () => {
    const r = executeExceptionCommand(
      undefined,
      proposeAt('9999-12-01T00:00:00Z', { expires_at: '9999-12-31T23:59:59.999Z' }),
      CONFIG,
    );
    expect(E.isRight(r)).toBe(true);
  });

  it('refuses a default expiry that is not representable, naming $.proposal.expires_at', () => {
    const r = executeExceptionCommand(
      undefined,
      proposeAt('9999-12-01T00:00:00Z', { expires_at: undefined }),
      CONFIG,
    );
    expect(E.isLeft(r) && r.left.code).toBe('POLICY_COMMAND_INVALID');
    expect(E.isLeft(r) && 'issues' in r.left && r.left.issues).toEqual([
      {
        code: 'POLICY_COMMAND_INVALID',
        path: '$.proposal.expires_at',
        message:
          'the default expiry (9999-12-01T00:00:00Z + 90 days) is later than 9999-12-31T23:59:59.999Z; give expires_at',
      },
    ]);
  });

  it('a default expiry ending exactly at the last instant is set', () => {
    // 9999-12-31T23:59:59.999Z - 90 days
    const r = executeExceptionCommand(
      undefined,
      proposeAt('9999-10-02T23:59:59.999Z', { expires_at: undefined }),
      CONFIG,
    );
    expect(E.isRight(r) && r.right.record.versions[0]?.content.expires_at).toBe(
      '9999-12-31T23:59:59.999Z',
    );
  });

  it('checks the extension limit when the approved expiry + max_extension_days is not representable', () => {
    const s = approvedNear9999();
    const r = s.try({
      command: 'renew',
      actor: human('alice'),
      at: '9999-10-20T00:00:00Z',
      reason: 'Still waiting.',
      changes: { expires_at: '9999-12-31T00:00:00Z', rationale: 'The fix slipped again.' },
    });
    expect(E.isRight(r)).toBe(true);
  });
});

describe('sweep near year 9999', () => {
  it('reports an exception expiring within a window that ends past the last instant', () => {
    const s = approvedNear9999();
    const r = sweepExceptions([s.record as ExceptionRecord], '9999-10-03T00:00:00Z' as Timestamp, {
      actor: { id: 'svc:sweeper', kind: 'service' },
      expiringWithinDays: 365,
    });
    expect(r.expiring.map((x) => x.expires_at)).toEqual(['9999-11-01T00:00:00Z']);
  });
});
