/**
 * Filesystem adapter appends with fsync: events per second for batch sizes 1 to 1000, each
 * append acknowledged only after fdatasync. The baseline is the same store's throughput at batch
 * size 1 (one sync per event), so the ratios show what batching buys on this disk.
 * `npm run bench -- fs-append`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as E from 'fp-ts/lib/Either.js';
import type { EventDraft, LogId, Timestamp } from '@warrant/core';
import { openFsStore } from '@warrant/storage-adapters/fs';
import { machine } from './harness';

const draft = (i: number): EventDraft => ({
  type: 'exception.approved',
  time: '2026-01-01T00:00:00Z' as Timestamp,
  actor: { id: `user${i % 97}@example.com`, kind: 'human' },
  reason: 'risk accepted until the vendor ships a fix',
  subject: `exc-${i % 1000}`,
  payload: {
    approver: `user${i % 97}@example.com`,
    role: 'security-reviewer',
    version: 1 + (i % 3),
  },
});

const run = async (batch: number, minEvents: number, minMs: number): Promise<number> => {
  const dir = await mkdtemp(join(tmpdir(), 'warrant-bench-'));
  try {
    const opened = await openFsStore(dir);
    if (E.isLeft(opened)) throw new Error(opened.left.message);
    const store = opened.right;
    const logId = 'bench' as LogId;
    let size = 0;
    const t0 = performance.now();
    while (size < minEvents || performance.now() - t0 < minMs) {
      const r = await store.events.append(
        logId,
        size,
        Array.from({ length: batch }, (_, k) => draft(size + k)),
      );
      if (E.isLeft(r)) throw new Error(r.left.message);
      size = r.right.head.size;
    }
    const ms = performance.now() - t0;
    await store.close();
    return (size / ms) * 1000;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

console.log(`${await machine()}; ${tmpdir()}`);
console.log('| batch size | events/s (fdatasync per batch) | vs batch size 1 |');
console.log('| --- | --- | --- |');
await run(10, 100, 500); // warm-up: JIT, first directory creation
const base = await run(1, 200, 2000);
for (const batch of [1, 10, 100, 1000]) {
  const rate = batch === 1 ? base : await run(batch, 20 * batch, 2000);
  console.log(`| ${batch} | ${rate.toFixed(0)} | ${(rate / base).toFixed(1)}x |`);
}
