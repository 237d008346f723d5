// readExceptionHistories: one log or every log of a store, exception events grouped by subject
// in log order, logs never merged; the store's errors as they are.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import type { EventDraft, LogEvent, LogId, WarrantStore } from '@warrant/core';
import { readExceptionHistories } from '@warrant/storage-adapters';
import { openFsStore } from '@warrant/storage-adapters/fs';
import { createMemoryStore } from '@warrant/storage-adapters/memory';
import { lifecycle, lifecycles } from './fixtures/exception-drafts';

const A = 'tenant-a' as LogId;
const B = 'tenant-b' as LogId;
const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

const append = async (store: WarrantStore, log: LogId, drafts: EventDraft[]): Promise<void> => {
  const head = await store.events.head(log);
  if (E.isLeft(head)) throw new Error(head.left.message);
  const r = await store.events.append(log, head.right.size, drafts);
  if (E.isLeft(r)) throw new Error(r.left.message);
};
const shape = (r: E.Either<{ code: string }, ReadonlyArray<ReadonlyArray<LogEvent>>>) => {
  if (E.isLeft(r)) throw new Error(r.left.code);
  return r.right.map((h) => h.map((e) => `${e.log_id}/${e.seq}/${e.subject}`));
};

/** Two logs: A interleaves exc-0 and exc-1 (and notes); B reuses the id exc-0. */
const fill = async (store: WarrantStore): Promise<void> => {
  const [x, y] = [lifecycle(0), lifecycle(1)];
  const interleaved = x.flatMap((e, i) => [e, y[i] as EventDraft]);
  await append(store, A, interleaved);
  await append(store, B, lifecycles(1));
};

describe('readExceptionHistories', () => {
  it('groups one log by subject in log order, skipping other events', async () => {
    const store = createMemoryStore();
    await fill(store);
    expect(shape(await readExceptionHistories(store, A))).toEqual([
      ['tenant-a/0/exc-0', 'tenant-a/4/exc-0', 'tenant-a/6/exc-0', 'tenant-a/8/exc-0'],
      ['tenant-a/1/exc-1', 'tenant-a/5/exc-1', 'tenant-a/7/exc-1', 'tenant-a/9/exc-1'],
    ]);
    expect(shape(await readExceptionHistories(store, 'empty' as LogId))).toEqual([]);
  });

  it('reads every log in order and never merges an id shared by two logs', async () => {
    const memory = createMemoryStore();
    const dir = await mkdtemp(join(tmpdir(), 'warrant-histories-'));
    dirs.push(dir);
    const fs = await openFsStore(dir);
    if (E.isLeft(fs)) throw new Error(fs.left.message);
    for (const store of [memory, fs.right]) {
      await fill(store);
      const all = await readExceptionHistories(store);
      expect(shape(all).map((h) => h[0])).toEqual([
        'tenant-a/0/exc-0',
        'tenant-a/1/exc-1',
        'tenant-b/0/exc-0',
      ]);
    }
    // Both adapters give the same events.
    expect(await readExceptionHistories(fs.right)).toEqual(await readExceptionHistories(memory));
    await fs.right.close();
  });

  it("returns the store's error: a bad log id, a log that does not verify", async () => {
    const memory = createMemoryStore();
    const bad = await readExceptionHistories(memory, 'Not A Log' as LogId);
    expect(E.isLeft(bad) && bad.left.code).toBe('STORE_LOG_ID_INVALID');
    const dir = await mkdtemp(join(tmpdir(), 'warrant-histories-'));
    dirs.push(dir);
    let fs = await openFsStore(dir);
    if (E.isLeft(fs)) throw new Error(fs.left.message);
    await fill(fs.right);
    await fs.right.close();
    const file = join(dir, 'logs', A, 'events.jsonl');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('"risk_score":21', '"risk_score":9'),
    );
    fs = await openFsStore(dir, { readOnly: true });
    if (E.isLeft(fs)) throw new Error(fs.left.message);
    for (const log of [A, undefined]) {
      const r = await readExceptionHistories(fs.right, log);
      expect(E.isLeft(r) && r.left.code).toBe('STORE_RECORD_CORRUPT');
    }
    expect(E.isRight(await readExceptionHistories(fs.right, B))).toBe(true);
    await fs.right.close();
  });
});
