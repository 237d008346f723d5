/**
 * Contract cases for persistent adapters: everything survives closing and reopening.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  bytesEqual,
  checkpointLog,
  generateSigningKey,
  digestBytes,
  utf8Encode,
  verifyEvents,
  type Timestamp,
  type WarrantStore,
} from '@warrant/core';
import { check, right, same } from './assert';
import { readAll } from './events.contract';
import { drafts, LOG_A, LOG_B } from './fixtures';
import type { ContractCase } from './harness';

/** @internal */
export const persistenceCases = <S extends WarrantStore>(): ReadonlyArray<
  readonly [string, ContractCase<S>]
> => [
  [
    'keeps events, heads, subjects, blobs and pack records across a restart',
    async (ctx) => {
      const reopen = ctx.factory.reopen as (s: S) => Promise<S>;
      const first = right(await ctx.store.events.append(LOG_A, 0, drafts(5)), 'append');
      right(await ctx.store.events.append(LOG_B, 0, drafts(2, 50)), 'append B');
      const blob = utf8Encode('evidence');
      const d = right(await ctx.store.blobs.put(LOG_A, blob), 'blob');
      const record = { digest: d, time: '2026-01-01T00:00:00Z' as Timestamp, bytes: 8, meta: {} };
      right(await ctx.store.packs.put(LOG_A, record), 'pack record');
      const key = await generateSigningKey('ed25519');
      if (E.isLeft(key)) throw new Error('no WebCrypto');
      const cp = right(
        await checkpointLog(ctx.store, LOG_A, { time: record.time, signers: [key.right.signer] }),
        'checkpoint',
      );
      ctx.store = await reopen(ctx.store);
      same(
        right(await ctx.store.checkpoints.list(LOG_A), 'checkpoints'),
        [cp],
        'checkpoints after reopen',
      );
      same(await readAll(ctx.store, LOG_A), first.events, 'events after reopen');
      same(right(await ctx.store.events.head(LOG_A), 'head'), first.head, 'head after reopen');
      same(right(await ctx.store.events.listLogs(), 'logs'), [LOG_A, LOG_B], 'logs after reopen');
      same(
        right(await ctx.store.events.listSubjects(LOG_A), 'subjects'),
        ['exc-0', 'exc-1', 'exc-2'],
        'subjects after reopen',
      );
      check(
        bytesEqual(right(await ctx.store.blobs.get(LOG_A, d), 'blob'), blob),
        'blob after reopen',
      );
      same(
        right(await ctx.store.packs.list(LOG_A), 'packs'),
        [record],
        'pack records after reopen',
      );
      right(await ctx.store.events.append(LOG_A, 5, drafts(3, 5)), 'append after reopen');
      ctx.store = await reopen(ctx.store);
      const all = await readAll(ctx.store, LOG_A);
      check(all.length === 8, `8 events, got ${all.length}`);
      check(E.isRight(verifyEvents(LOG_A, all)), 'the chain verifies across restarts');
      check(digestBytes(blob) === d, 'digest stable');
    },
  ],
];
