import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { generateSigningKey, type Timestamp } from '@warrant/core';
import {
  approvalStatement,
  auditApprovalSignatures,
  signApproval,
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

const key = async () => {
  const k = await generateSigningKey('ed25519');
  if (E.isLeft(k)) throw new Error('WebCrypto Ed25519 is required');
  return k.right;
};

/** exc in prod proposed by alice, approved by bob (signed) and sec (unsigned) under CONFIG. */
const approved = async () => {
  const bob = await key();
  const s = new Session(CONFIG);
  s.run({
    command: 'propose',
    actor: human('alice'),
    at: '2026-01-05T00:00:00Z',
    proposal: content('prod'),
  });
  const latest = s.record!.versions[0]!;
  const at = '2026-01-06T00:00:00Z' as Timestamp;
  const signature = await signApproval(
    approvalStatement({
      exception_id: s.record!.exception_id,
      version: 1,
      content_digest: latest.content_digest,
      approver: 'bob',
      role: 'approver',
      at,
    }),
    bob.signer,
  );
  s.run({ command: 'approve', actor: human('bob'), at, role: 'approver', version: 1, signature });
  s.run({
    command: 'approve',
    actor: human('sec'),
    at: '2026-01-07T00:00:00Z',
    role: 'security-reviewer',
    version: 1,
  });
  return { record: s.record!, bob };
};

describe('auditApprovalSignatures', () => {
  it('verifies signed approvals with trusted keys and accepts unsigned ones the configuration allows', async () => {
    const { record, bob } = await approved();
    const audit = await auditApprovalSignatures(record, CONFIG, new Map([['bob', [bob.verifier]]]));
    expect(audit.map((a) => [a.approver, a.status, a.ok])).toEqual([
      ['bob', 'verified', true],
      ['sec', 'unsigned', true],
    ]);
    expect(audit[0]?.keyids).toEqual([bob.keyid]);
  });

  it('fails unsigned and unchecked approvals where a rule requires signatures, naming the rule', async () => {
    const { record } = await approved();
    const unchecked = await auditApprovalSignatures(record, SIGNED, undefined);
    expect(unchecked.map((a) => [a.approver, a.status, a.ok, a.required_by])).toEqual([
      ['bob', 'unchecked', false, 'prod-signed'],
      ['sec', 'unsigned', false, 'prod-signed'],
    ]);
    expect((await auditApprovalSignatures(record, CONFIG, undefined))[0]).toMatchObject({
      status: 'unchecked',
      ok: true,
    });
  });

  it('reports a signature no trusted key of the approver verifies as invalid', async () => {
    const { record } = await approved();
    const other = await key();
    const audit = await auditApprovalSignatures(
      record,
      CONFIG,
      new Map([['bob', [other.verifier]]]),
    );
    expect(audit[0]).toMatchObject({ approver: 'bob', status: 'invalid', ok: false });
    const none = await auditApprovalSignatures(record, CONFIG, new Map());
    expect(none[0]?.reason).toBe('no trusted key for approver bob');
  });

  it('reports a signature bound to another approval as invalid even without keys', async () => {
    const { record } = await approved();
    const v = record.versions[0]!;
    const moved = {
      ...record,
      versions: [{ ...v, approvals: v.approvals.map((a) => ({ ...a, role: 'cab' })) }],
    };
    const audit = await auditApprovalSignatures(moved, CONFIG, undefined);
    expect(audit[0]).toMatchObject({ status: 'invalid', ok: false });
  });
});
