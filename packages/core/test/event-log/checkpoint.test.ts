import { beforeAll, describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  CHECKPOINT_PAYLOAD_TYPE,
  consistencyProof,
  encodeBase64,
  eventLeafHash,
  generateSigningKey,
  genesisHash,
  makeCheckpoint,
  readCheckpoint,
  signCheckpoint,
  signJson,
  verifyCheckpoint,
  verifyCheckpointConsistency,
  verifyEvents,
  type DsseEnvelope,
  type GeneratedSigningKey,
  type LogId,
  type Timestamp,
} from '@warrant/core';
import { LOG, seal } from './arbitraries';
import { drafts } from './drafts';

const NOW = '2026-02-01T00:00:00Z' as Timestamp;
let key: GeneratedSigningKey;
let other: GeneratedSigningKey;
beforeAll(async () => {
  const a = await generateSigningKey('ed25519');
  const b = await generateSigningKey('ecdsa-p256');
  if (E.isLeft(a) || E.isLeft(b)) throw new Error('no WebCrypto');
  key = a.right;
  other = b.right;
});

const events = seal(drafts(10));
const hashes = events.map((e) => e.hash);
const proof = (size1: number, size2: number): Uint8Array[] =>
  E.getOrElseW(() => {
    throw new Error('proof');
  })(consistencyProof(hashes.slice(0, size2).map(eventLeafHash), size1));

describe('checkpoints', () => {
  it('states size, root, head and time; size 0 has the empty root and the genesis head', () => {
    const cp = makeCheckpoint(LOG, hashes.slice(0, 4), NOW);
    expect(cp).toMatchObject({
      schema: 'warrant.checkpoint/v1',
      log_id: LOG,
      size: 4,
      head: hashes[3],
      time: NOW,
    });
    expect(makeCheckpoint(LOG, [], NOW)).toMatchObject({
      size: 0,
      root: 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      head: genesisHash(LOG),
    });
  });

  it('signs and verifies, naming the keys that signed', async () => {
    const env = await signCheckpoint(makeCheckpoint(LOG, hashes, NOW), [key.signer]);
    expect(env.payloadType).toBe(CHECKPOINT_PAYLOAD_TYPE);
    const r = await verifyCheckpoint(env, { verifiers: [key.verifier], logId: LOG });
    expect(E.isRight(r) && r.right.keyids).toEqual([key.keyid]);
    expect(E.isRight(r) && r.right.statement.size).toBe(10);
    expect(readCheckpoint(env, LOG)).toEqual(E.right(makeCheckpoint(LOG, hashes, NOW)));
  });

  it('refuses an untrusted signer, another log, another payload type and a tampered payload', async () => {
    const env = await signCheckpoint(makeCheckpoint(LOG, hashes, NOW), [key.signer]);
    const code = async (e: unknown, logId: LogId = LOG) => {
      const r = await verifyCheckpoint(e, { verifiers: [key.verifier, other.verifier], logId });
      return E.isLeft(r) ? r.left.code : 'ok';
    };
    expect(await code(await signCheckpoint(makeCheckpoint(LOG, hashes, NOW), [other.signer]))).toBe(
      'ok',
    );
    const onlyOther = await verifyCheckpoint(env, { verifiers: [other.verifier] });
    expect(E.isLeft(onlyOther) && onlyOther.left.code).toBe('CORE_CHECKPOINT_SIGNATURE_INVALID');
    expect(await code(env, 'tenant-b' as LogId)).toBe('CORE_CHECKPOINT_LOG_MISMATCH');
    const wrongType = E.getOrElseW(() => undefined)(
      await signJson('application/json', makeCheckpoint(LOG, hashes, NOW), [key.signer]),
    );
    expect(await code(wrongType)).toBe('CORE_CHECKPOINT_SIGNATURE_INVALID');
    const tampered: DsseEnvelope = {
      ...env,
      payload: encodeBase64(new TextEncoder().encode('{}')) as never,
    };
    expect(await code(tampered)).toBe('CORE_CHECKPOINT_SIGNATURE_INVALID');
    expect(await code(null)).toBe('CORE_CHECKPOINT_SIGNATURE_INVALID');
  });

  it('refuses a validly signed statement that is not canonical or has extra members', async () => {
    const cp = makeCheckpoint(LOG, hashes, NOW);
    const sign = async (text: string) =>
      E.getOrElseW(() => undefined)(
        await signJson(CHECKPOINT_PAYLOAD_TYPE, JSON.parse(text), [key.signer]),
      );
    const extra = await sign(JSON.stringify({ ...cp, note: 'x' }));
    const r1 = await verifyCheckpoint(extra, { verifiers: [key.verifier] });
    expect(E.isLeft(r1) && [r1.left.code, r1.left.path]).toEqual([
      'CORE_CHECKPOINT_INVALID',
      '$.note',
    ]);
    const { signEnvelope } = await import('@warrant/core');
    const pretty = await signEnvelope(
      CHECKPOINT_PAYLOAD_TYPE,
      new TextEncoder().encode(JSON.stringify(cp, null, 2)),
      [key.signer],
    );
    const r2 = await verifyCheckpoint(pretty, { verifiers: [key.verifier] });
    expect(E.isLeft(r2) && r2.left.code).toBe('CORE_CHECKPOINT_INVALID');
    const badZero = await sign(
      JSON.stringify({ ...makeCheckpoint(LOG, [], NOW), head: hashes[0] }),
    );
    const r3 = await verifyCheckpoint(badZero, { verifiers: [key.verifier] });
    expect(E.isLeft(r3) && r3.left.code).toBe('CORE_CHECKPOINT_INVALID');
  });

  it('accepts a newer checkpoint with a consistency proof, and refuses forks and shrinking', () => {
    const cp = (n: number) => makeCheckpoint(LOG, hashes.slice(0, n), NOW);
    expect(verifyCheckpointConsistency(cp(3), cp(10), proof(3, 10))).toEqual(
      E.right({ log_id: LOG, from: 3, to: 10 }),
    );
    expect(E.isRight(verifyCheckpointConsistency(cp(0), cp(10), []))).toBe(true);
    expect(E.isRight(verifyCheckpointConsistency(cp(10), cp(10), []))).toBe(true);
    const code = (r: E.Either<{ code: string }, unknown>) => (E.isLeft(r) ? r.left.code : 'ok');
    expect(code(verifyCheckpointConsistency(cp(10), cp(3), []))).toBe(
      'CORE_CHECKPOINT_INCONSISTENT',
    );
    const forked = seal(drafts(10, 100));
    const fork = makeCheckpoint(
      LOG,
      [...hashes.slice(0, 5), ...forked.slice(5).map((e) => e.hash)],
      NOW,
    );
    expect(code(verifyCheckpointConsistency(cp(3), fork, proof(3, 10)))).toBe(
      'CORE_CHECKPOINT_INCONSISTENT',
    );
    expect(code(verifyCheckpointConsistency(cp(10), fork, []))).toBe(
      'CORE_CHECKPOINT_INCONSISTENT',
    );
    expect(code(verifyCheckpointConsistency(cp(0), cp(10), proof(3, 10)))).toBe(
      'CORE_CHECKPOINT_INCONSISTENT',
    );
    expect(code(verifyCheckpointConsistency(cp(3), cp(10), proof(3, 10).slice(1)))).toBe(
      'CORE_CHECKPOINT_INCONSISTENT',
    );
    expect(
      code(
        verifyCheckpointConsistency(cp(3), makeCheckpoint('tenant-b' as LogId, hashes, NOW), []),
      ),
    ).toBe('CORE_CHECKPOINT_LOG_MISMATCH');
  });

  it('holds a log to its checkpoints: truncation, rewrite, and the root in the report', () => {
    const checkpoints = [
      makeCheckpoint(LOG, hashes.slice(0, 4), NOW),
      makeCheckpoint(LOG, hashes, NOW),
    ];
    const ok = verifyEvents(LOG, events, { checkpoints });
    expect(E.isRight(ok) && ok.right.root).toBe(checkpoints[1]?.root);
    const truncated = verifyEvents(LOG, events.slice(0, 7), { checkpoints });
    expect(E.isLeft(truncated) && truncated.left.map((e) => [e.code, e.index])).toEqual([
      ['CORE_LOG_TRUNCATED', 7],
    ]);
    const rewritten = [...events.slice(0, 2), ...seal(drafts(10, 50)).slice(2)];
    // The rewrite re-links its own chain, so only the checkpoint sees it (at seq 3) and the link at 2.
    const r = verifyEvents(LOG, rewritten, { checkpoints });
    expect(E.isLeft(r) && r.left.map((e) => [e.code, e.index])).toEqual([
      ['CORE_LOG_PREV_HASH_MISMATCH', 2],
      ['CORE_LOG_CHECKPOINT_MISMATCH', 3],
      ['CORE_LOG_CHECKPOINT_MISMATCH', 9],
    ]);
    expect(() =>
      verifyEvents(LOG, events, { checkpoints: [makeCheckpoint('x' as LogId, [], NOW)] }),
    ).toThrow(RangeError);
  });
});
