import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { utf8Decode } from '@warrant/core';
import { EXTERNAL_AUDITOR_PROFILE } from '../../src/redact/builtin';
import {
  COMMITMENTS_PATH,
  readCommitments,
  verifyNodeOpening,
  verifySourceOpening,
} from '../../src/redact/commitment';
import { redactFiles } from '../../src/redact/engine';
import { COMMIT_KEY, KEY_A, OWNER, samplePack } from './fixtures';

const redacted = () => {
  const r = redactFiles(samplePack(), EXTERNAL_AUDITOR_PROFILE, {
    pseudonymKey: KEY_A,
    commitmentKey: COMMIT_KEY,
  });
  if (E.isLeft(r)) throw new Error(r.left.message);
  const file = r.right.files.find((f) => f.path === COMMITMENTS_PATH);
  if (file === undefined) throw new Error('no commitments file');
  const c = readCommitments(file.bytes);
  if (E.isLeft(c)) throw new Error(c.left.message);
  return { result: r.right, commitments: c.right, bytes: file.bytes };
};

describe('redaction commitments', () => {
  it('records the commitments file in the result and never a redacted value in it', () => {
    const { result, bytes } = redacted();
    expect(result.record.commitments).toBe(COMMITMENTS_PATH);
    expect(utf8Decode(bytes)).not.toContain(OWNER);
    expect(result.openings?.nodes.length).toBeGreaterThan(3);
  });

  it('every opening verifies; a changed value, path or salt does not', () => {
    const { result, commitments } = redacted();
    for (const o of result.openings?.nodes ?? []) {
      expect(E.isRight(verifyNodeOpening(commitments, o))).toBe(true);
    }
    const owner = result.openings?.nodes.find((n) => n.value === OWNER);
    expect(owner).toBeDefined();
    if (owner === undefined) return;
    for (const bad of [
      { ...owner, value: 'mallory@corp.example' },
      { ...owner, path: ['requester'] },
      { ...owner, salt: '00'.repeat(32) },
      { ...owner, salt: 'zz' },
    ]) {
      const r = verifyNodeOpening(commitments, bad);
      expect(E.isLeft(r) && r.left.code).toBe('PACK_REDACTION_COMMITMENT_INVALID');
    }
  });

  it('the full pack and the source salt prove the derivation; another pack does not', () => {
    const { result, commitments } = redacted();
    const salt = result.openings?.source_salt ?? '';
    expect(E.isRight(verifySourceOpening(commitments, [...samplePack()].reverse(), salt))).toBe(
      true,
    );
    const other = samplePack().slice(1);
    expect(E.isLeft(verifySourceOpening(commitments, other, salt))).toBe(true);
    expect(E.isLeft(verifySourceOpening(commitments, samplePack(), '11'.repeat(32)))).toBe(true);
  });

  it('refuses a malformed commitments file', () => {
    for (const text of [
      '[]',
      '{"schema":"x","source":"sha256:00","nodes":[]}',
      '{"a":1}',
      'nope',
    ]) {
      const r = readCommitments(new TextEncoder().encode(text));
      expect(E.isLeft(r) && r.left.code).toBe('PACK_REDACTION_COMMITMENT_INVALID');
    }
  });
});
