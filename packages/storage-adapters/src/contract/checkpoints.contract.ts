/**
 * Contract cases for the checkpoint store, and for the log operations over a store (checkpoint,
 * verify, prove consistency) that every adapter must support through the port.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  checkpointLog,
  generateSigningKey,
  makeCheckpoint,
  proveLogConsistency,
  signCheckpoint,
  verifyCheckpointConsistency,
  verifyStoredLog,
  type GeneratedSigningKey,
  type Timestamp,
  type WarrantStore,
} from '@warrant/core';
import { check, left, right, same } from './assert';
import { drafts, LOG_A, LOG_B } from './fixtures';
import type { ContractCase } from './harness';

const T1 = '2026-02-01T00:00:00Z' as Timestamp;
const T2 = '2026-02-02T00:00:00Z' as Timestamp;

const newKey = async (): Promise<GeneratedSigningKey> => {
  const k = await generateSigningKey('ed25519');
  if (E.isLeft(k)) throw new Error(`storage contract: no WebCrypto Ed25519: ${k.left.message}`);
  return k.right;
};

/** @internal */
export const checkpointCases = <S extends WarrantStore>(): ReadonlyArray<
  readonly [string, ContractCase<S>]
> => [
  [
    'stores checkpoints by size: get, latest, list, idempotent put, conflicts',
    async ({ store }) => {
      const key = await newKey();
      const events = right(await store.events.append(LOG_A, 0, drafts(6)), 'append').events;
      const hashes = events.map((e) => e.hash);
      const at4 = await signCheckpoint(makeCheckpoint(LOG_A, hashes.slice(0, 4), T1), [key.signer]);
      const at6 = await signCheckpoint(makeCheckpoint(LOG_A, hashes, T1), [key.signer]);
      check(
        right(await store.checkpoints.latest(LOG_A), 'latest of none') === undefined,
        'no checkpoint yet',
      );
      right(await store.checkpoints.put(LOG_A, at6), 'put 6');
      const stored = right(await store.checkpoints.put(LOG_A, at4), 'put 4');
      same(
        stored.statement,
        makeCheckpoint(LOG_A, hashes.slice(0, 4), T1),
        'the statement is read from the envelope',
      );
      same(
        right(await store.checkpoints.put(LOG_A, at4), 'put 4 again').envelope,
        at4,
        'idempotent',
      );
      same(right(await store.checkpoints.get(LOG_A, 4), 'get 4').envelope, at4, 'get');
      same(
        right(await store.checkpoints.latest(LOG_A), 'latest')?.envelope,
        at6,
        'latest is the largest',
      );
      same(
        right(await store.checkpoints.list(LOG_A), 'list').map((c) => c.statement.size),
        [4, 6],
        'ascending',
      );
      const other = await signCheckpoint(makeCheckpoint(LOG_A, hashes.slice(0, 4), T2), [
        key.signer,
      ]);
      left(
        await store.checkpoints.put(LOG_A, other),
        'STORE_CHECKPOINT_CONFLICT',
        'another checkpoint of size 4',
      );
      left(await store.checkpoints.get(LOG_A, 5), 'STORE_CHECKPOINT_NOT_FOUND', 'no size 5');
      left(await store.checkpoints.get(LOG_B, 4), 'STORE_CHECKPOINT_NOT_FOUND', 'per log');
      left(
        await store.checkpoints.put(LOG_B, at4),
        'STORE_CHECKPOINT_INVALID',
        'a checkpoint of log A in log B',
      );
      left(
        await store.checkpoints.put(LOG_A, {
          payloadType: 'x',
          payload: '',
          signatures: [],
        } as never),
        'STORE_CHECKPOINT_INVALID',
        'not a checkpoint',
      );
    },
  ],
  [
    'checkpoints a log, verifies it against its checkpoints and proves the log only grew',
    async ({ store }) => {
      const key = await newKey();
      right(await store.events.append(LOG_A, 0, drafts(5)), 'append');
      const first = right(
        await checkpointLog(store, LOG_A, { time: T1, signers: [key.signer] }),
        'checkpoint 1',
      );
      check(first.statement.size === 5, 'checkpoint of size 5');
      right(await store.events.append(LOG_A, 5, drafts(9, 5)), 'append more');
      const second = right(
        await checkpointLog(store, LOG_A, {
          time: T2,
          signers: [key.signer],
          verifiers: [key.verifier],
        }),
        'checkpoint 2',
      );
      check(second.statement.size === 14, 'checkpoint of size 14');
      const proof = right(await proveLogConsistency(store, LOG_A, 5, 14), 'proof');
      check(
        E.isRight(verifyCheckpointConsistency(first.statement, second.statement, proof)),
        'the proof verifies',
      );
      const report = right(
        await verifyStoredLog(store, LOG_A, { verifiers: [key.verifier] }),
        'verify',
      );
      check(
        report.count === 14 && report.checkpoints.length === 2,
        'verified against both checkpoints',
      );
      check(report.root === second.statement.root, 'the report carries the root');
      const stranger = await newKey();
      left(
        await verifyStoredLog(store, LOG_A, { verifiers: [stranger.verifier] }),
        'STORE_CHECKPOINT_INVALID',
        'untrusted signer',
      );
      left(await proveLogConsistency(store, LOG_A, 5, 20), 'STORE_RANGE_INVALID', 'beyond the log');
    },
  ],
];
