import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import type { EventDraft, LogId, Timestamp } from '@warrant/core';
import { runStorageContract } from '@warrant/storage-adapters/contract';
import { openFsStore, type FsStore } from '@warrant/storage-adapters/fs';

const dirs: string[] = [];
const tempDir = async (): Promise<string> => {
  const d = await mkdtemp(join(tmpdir(), 'warrant-fs-'));
  dirs.push(d);
  return d;
};
const open = async (dir: string, readOnly = false): Promise<FsStore> => {
  const r = await openFsStore(dir, { readOnly });
  if (E.isLeft(r)) throw new Error(`${r.left.code}: ${r.left.message}`);
  return r.right;
};
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

runStorageContract(
  'fs',
  {
    create: async () => open(await tempDir()),
    reopen: async (store) => {
      await store.close();
      return open(store.dir);
    },
  },
  { describe, it },
);

const logId = 'tenant-a' as LogId;
const draft = (i: number): EventDraft => ({
  type: 'exception.proposed',
  time: '2026-01-01T00:00:00Z' as Timestamp,
  actor: { id: 'alice', kind: 'human' },
  reason: `r${i}`,
  subject: `exc-${i % 2}`,
  payload: { i },
});
const drafts = (n: number, start = 0): EventDraft[] =>
  Array.from({ length: n }, (_, k) => draft(start + k));
const data = (dir: string): string => join(dir, 'logs', logId, 'events.jsonl');
const ok = <L, A>(r: E.Either<L, A>): A => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
  return r.right;
};

describe('fs adapter: torn tail', () => {
  it('reports a torn last line with a typed error and repairs it only on request', async () => {
    const dir = await tempDir();
    let store = await open(dir);
    ok(await store.events.append(logId, 0, drafts(3)));
    await store.close();
    const torn = '{"actor":{"id":"alice","kind":"hu';
    await appendFile(data(dir), torn);

    store = await open(dir);
    const status = ok(await store.inspect(logId));
    expect(status.size).toBe(3);
    expect(status.tornTail).toEqual({ offset: status.bytes, length: torn.length });
    expect(await store.events.append(logId, 3, [draft(3)])).toEqual(
      E.left(expect.objectContaining({ code: 'STORE_TORN_TAIL' })),
    );
    expect(await store.events.head(logId)).toEqual(
      E.left(expect.objectContaining({ code: 'STORE_TORN_TAIL' })),
    );
    expect(ok(await store.events.read(logId, { from: 0 }))).toHaveLength(3);
    const verified = await store.verifyLog(logId);
    expect(
      E.isLeft(verified) &&
        Array.isArray(verified.left) &&
        verified.left.map((e) => [e.code, e.index]),
    ).toEqual([['CORE_LOG_TORN_TAIL', 3]]);

    const repaired = ok(await store.repair(logId));
    expect(repaired.removed?.offset).toBe(status.bytes);
    expect(new TextDecoder().decode(repaired.removed?.bytes)).toBe(torn);
    expect(ok(await store.repair(logId))).toEqual({});
    ok(await store.events.append(logId, 3, [draft(3)]));
    expect(ok(await store.verifyLog(logId)).count).toBe(4);
    await store.close();
  });
});

describe('fs adapter: crash safety', () => {
  it('keeps every acknowledged append when the writer is killed with SIGKILL mid-append', async () => {
    const dir = await tempDir();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=@warrant/source',
        resolve('packages/storage-adapters/test/fixtures/append-loop.ts'),
        dir,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let acked = 0;
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const exited = new Promise<NodeJS.Signals | null>((done) =>
      child.on('exit', (_code, signal) => done(signal)),
    );
    await new Promise<void>((done, fail) => {
      let buffered = '';
      child.stdout.on('data', (b: Buffer) => {
        buffered += b.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          const m = /^ack (\d+)$/.exec(line);
          if (m !== null) acked = Number(m[1]);
        }
        // Kill at an arbitrary point once a fair amount has been acknowledged.
        if (acked >= 300) {
          child.kill('SIGKILL');
          done();
        }
      });
      child.on('exit', () =>
        acked >= 300 ? done() : fail(new Error(`child exited early: ${stderr}`)),
      );
    });
    expect(await exited).toBe('SIGKILL');

    const store = await open(dir); // the dead writer's lock is taken over
    const status = ok(await store.inspect('crash-test' as LogId));
    if (status.tornTail !== undefined) {
      // A torn tail is an unacknowledged partial batch: it is reported, and removed only here.
      expect(ok(await store.repair('crash-test' as LogId)).removed?.length).toBe(
        status.tornTail.length,
      );
    }
    const report = ok(await store.verifyLog('crash-test' as LogId));
    expect(report.count).toBeGreaterThanOrEqual(acked);
    const events = ok(await store.events.read('crash-test' as LogId, { from: 0 }));
    events.forEach((e, i) => expect(e.payload.i).toBe(i));
    ok(await store.events.append('crash-test' as LogId, report.count, [draft(0)]));
    await store.close();
  }, 120_000);
});

describe('fs adapter: single writer', () => {
  it('refuses a second writer, allows readers, and takes over a dead holder’s lock', async () => {
    const dir = await tempDir();
    const writer = await open(dir);
    expect(await openFsStore(dir)).toEqual(
      E.left(expect.objectContaining({ code: 'STORE_LOCKED' })),
    );
    ok(await writer.events.append(logId, 0, drafts(2)));
    const reader = await open(dir, true);
    expect(ok(await reader.events.head(logId)).size).toBe(2);
    ok(await writer.events.append(logId, 2, drafts(1, 2)));
    expect(ok(await reader.events.read(logId, { from: 0 }))).toHaveLength(3);
    expect(await reader.events.append(logId, 3, [draft(3)])).toEqual(
      E.left(expect.objectContaining({ code: 'STORE_READ_ONLY' })),
    );
    await reader.close();
    await writer.close();
    // A lock left by a process that no longer exists (pid 2^22 + 1 is above Linux's pid_max).
    await writeFile(join(dir, 'LOCK'), JSON.stringify({ pid: 4_194_305, host: hostname() }));
    (await open(dir)).close();
    // A lock held on another host is never taken over.
    await writeFile(join(dir, 'LOCK'), JSON.stringify({ pid: 1, host: 'elsewhere.example' }));
    expect(await openFsStore(dir)).toEqual(
      E.left(expect.objectContaining({ code: 'STORE_LOCKED' })),
    );
  });

  it('detects a writer that ignored the lock instead of forking the log', async () => {
    const dir = await tempDir();
    const a = await open(dir);
    ok(await a.events.append(logId, 0, drafts(1)));
    await rm(join(dir, 'LOCK'));
    const b = await open(dir);
    ok(await b.events.append(logId, 1, drafts(1, 1)));
    expect(await a.events.append(logId, 1, drafts(1, 1))).toEqual(
      E.left(expect.objectContaining({ code: 'STORE_CONCURRENT_WRITER' })),
    );
    await a.close();
    expect(ok(await b.verifyLog(logId)).count).toBe(2);
    await b.close();
  });
});

describe('fs adapter: index and damage', () => {
  it('rebuilds a missing, truncated or garbage index', async () => {
    const dir = await tempDir();
    let store = await open(dir);
    ok(await store.events.append(logId, 0, drafts(20)));
    await store.close();
    const idx = join(dir, 'logs', logId, 'events.idx');
    for (const damage of [
      () => rm(idx),
      () => truncate(idx, 13),
      () => writeFile(idx, new Uint8Array(64).fill(7)),
    ]) {
      await damage();
      store = await open(dir);
      expect(ok(await store.events.head(logId)).size).toBe(20);
      expect(ok(await store.events.read(logId, { from: 5, to: 7 })).map((e) => e.seq)).toEqual([
        5, 6,
      ]);
      ok(await store.events.append(logId, 20, [draft(20)]));
      await store.close();
      store = await open(dir);
      expect(ok(await store.events.head(logId)).size).toBe(21);
      await store.close();
      // Back to 20 events for the next round.
      const text = await readFile(data(dir), 'utf8');
      await writeFile(data(dir), text.split('\n').slice(0, 20).join('\n') + '\n');
    }
  });

  it('locates an edited byte on verification and refuses to read the damaged event', async () => {
    const dir = await tempDir();
    let store = await open(dir);
    ok(await store.events.append(logId, 0, drafts(5)));
    await store.close();
    const text = await readFile(data(dir), 'utf8');
    await writeFile(data(dir), text.replace('"reason":"r2"', '"reason":"r9"'));
    store = await open(dir);
    const v = await store.verifyLog(logId);
    expect(E.isLeft(v) && Array.isArray(v.left) && v.left.map((e) => [e.code, e.index])).toEqual([
      ['CORE_LOG_HASH_MISMATCH', 2],
    ]);
    expect(await store.events.read(logId, { from: 0 })).toEqual(
      E.left(expect.objectContaining({ code: 'STORE_RECORD_CORRUPT' })),
    );
    expect(ok(await store.events.read(logId, { from: 3 }))).toHaveLength(2);
    await store.close();
  });

  it('reports a blob damaged at rest', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    const d = ok(await store.blobs.put(logId, new TextEncoder().encode('evidence')));
    await writeFile(join(dir, 'blobs', logId, d.slice(7, 9), d.slice(7)), 'tampered');
    expect(await store.blobs.get(logId, d)).toEqual(
      E.left(expect.objectContaining({ code: 'STORE_BLOB_CORRUPT' })),
    );
    await store.close();
  });
});
