import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { generateSigningKey, type Timestamp } from '@warrant/core';
import {
  approvalStatement,
  defaultGovernance,
  executeExceptionCommandWithSignatures,
  signApproval,
  verifyApprovalSignatures,
  type GovernanceConfig,
} from '@warrant/policy';
import { CONFIG, content, human, Session } from '../fixtures';

// The default rules plus one requiring signed approvals in prod.
const SIGNED: GovernanceConfig = {
  ...CONFIG,
  rules: [
    ...CONFIG.rules,
    { id: 'prod-signed', when: { envs: ['prod'] }, require: { signed_approvals: true } },
  ],
};

const proposed = () => {
  const s = new Session(SIGNED);
  s.run({
    command: 'propose',
    actor: human('alice'),
    at: '2026-01-05T00:00:00Z',
    proposal: content('prod'),
  });
  return s;
};

describe('signed approvals', () => {
  it('refuses an unsigned approval where a rule requires signatures', () => {
    const s = proposed();
    expect(
      s.refusals({
        command: 'approve',
        actor: human('bob'),
        at: '2026-01-06T00:00:00Z',
        role: 'approver',
        version: 1,
      }),
    ).toEqual([
      {
        code: 'POLICY_SIGNATURE_REQUIRED',
        path: '$.signature',
        message: 'approvals must be signed (rule "prod-signed" (env prod))',
        rule: 'prod-signed',
      },
    ]);
  });

  it('accepts a signature over this approval, verifies it against trusted keys, and refuses a replayed one', async () => {
    const s = proposed();
    const record = s.record!;
    const [k1, k2] = [await generateSigningKey('ed25519'), await generateSigningKey('ed25519')];
    if (E.isLeft(k1) || E.isLeft(k2)) throw new Error('WebCrypto Ed25519 is required');
    const [key, other] = [k1.right, k2.right];
    const at = '2026-01-06T00:00:00Z' as Timestamp;
    const statement = approvalStatement({
      exception_id: record.exception_id,
      version: 1,
      content_digest: record.versions[0]!.content_digest,
      approver: 'bob',
      role: 'approver',
      at,
    });
    const signature = await signApproval(statement, key.signer);
    const command = {
      command: 'approve',
      exception_id: record.exception_id,
      actor: human('bob'),
      at,
      role: 'approver',
      version: 1,
      signature,
    };
    const trusted = new Map([['bob', [key.verifier]]]);

    const ok = await executeExceptionCommandWithSignatures(record, command, SIGNED, trusted);
    expect(E.isRight(ok)).toBe(true);
    if (E.isLeft(ok)) return;
    const checks = await verifyApprovalSignatures(ok.right.record, trusted);
    expect(checks).toEqual([
      { version: 1, approver: 'bob', status: 'verified', keyids: [key.keyid] },
    ]);

    const untrusted = await executeExceptionCommandWithSignatures(
      record,
      command,
      SIGNED,
      new Map([['bob', [other.verifier]]]),
    );
    expect(
      E.isLeft(untrusted) && 'refusals' in untrusted.left && untrusted.left.refusals[0]?.code,
    ).toBe('POLICY_SIGNATURE_INVALID');

    // The same signature presented for another role (or time) is not about this approval.
    const replay = { ...command, role: 'security-reviewer', actor: human('sec') };
    const r = await executeExceptionCommandWithSignatures(
      record,
      replay,
      SIGNED,
      new Map([['sec', [key.verifier]]]),
    );
    expect(E.isLeft(r) && 'refusals' in r.left && r.left.refusals.map((x) => x.code)).toEqual([
      'POLICY_SIGNATURE_INVALID',
    ]);
  });

  it('the default configuration does not require signatures', () => {
    const config = defaultGovernance({
      approver: ['bob'],
      'security-reviewer': ['sec'],
      cab: ['cab'],
    });
    expect(config.rules.some((r) => r.require.signed_approvals === true)).toBe(false);
  });
});
