// verifyAndFoldStoredLog and foldStoredLog read a filesystem log in one pass and any other store
// through the port. These tests hold the one pass to the port's answer on the same store (the fs
// store seen through the port only), for valid and failing logs alike, and check that the one
// pass really replaces the page reads.
import { afterEach, describe, expect, it } from 'vitest';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import {
  checkpointLog,
  encodeEventLines,
  generateSigningKey,
  sealEvents,
  type CheckpointTrust,
  type EventDraft,
  type LogId,
  type Signer,
  type WarrantStore,
} from '@warrant/core';
import {
  foldStoredLog,
  hasOnePassFold,
  verifyAndFoldStoredLog,
  type OnePassFoldStore,
} from '@warrant/storage-adapters';
import { openFsStore, type FsStore } from '@warrant/storage-adapters/fs';
import { createMemoryStore } from '@warrant/storage-adapters/memory';
import { day, lifecycle, lifecycles } from './fixtures/exception-drafts';

const LOG = 'tenant-one-pass' as LogId;
const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
const open = async (dir?: string): Promise<FsStore> => {
  const d = dir ?? (await mkdtemp(join(tmpdir(), 'warrant-stored-fold-')));
  if (dir === undefined) dirs.push(d);
  const r = await openFsStore(d);
  if (E.isLeft(r)) throw new Error(`${r.left.code}: ${r.left.message}`);
  // The filesystem store is a one-pass store by type, not only at run time.
  const typed: OnePassFoldStore = r.right;
  return typed as FsStore;
};
const reopen = async (store: FsStore): Promise<FsStore> => {
  await store.close();
  return open(store.dir);
};
const data = (store: FsStore): string => join(store.dir, 'logs', LOG, 'events.jsonl');
const append = async (store: WarrantStore, drafts: EventDraft[]): Promise<void> => {
  const head = await store.events.head(LOG);
  if (E.isLeft(head)) throw new Error(head.left.message);
  const r = await store.events.append(LOG, head.right.size, drafts);
  if (E.isLeft(r)) throw new Error(r.left.message);
};
const key = async () => {
  const k = await generateSigningKey('ed25519');
  if (E.isLeft(k)) throw new Error(k.left.message);
  return k.right;
};
const checkpoint = async (store: WarrantStore, signer: Signer): Promise<void> => {
  const r = await checkpointLog(store, LOG, { time: day(28), signers: [signer] });
  if (E.isLeft(r)) throw new Error(r.left.message);
};

/** The same store through the port only (no verifyAndFoldLog), counting `events.read` calls. */
const counted = <S extends WarrantStore>(store: S, portOnly: boolean) => {
  const count = { reads: 0 };
  const events = {
    ...store.events,
    read: (...a: Parameters<WarrantStore['events']['read']>) => {
      count.reads++;
      return store.events.read(...a);
    },
  };
  const view: WarrantStore = portOnly
    ? { ...pick(store), events }
    : ({ ...store, events } as WarrantStore);
  return { view, count };
};
const pick = (s: WarrantStore): WarrantStore => ({
  events: s.events,
  exceptions: s.exceptions,
  blobs: s.blobs,
  checkpoints: s.checkpoints,
  packs: s.packs,
  close: () => s.close(),
});

/** Both functions over the one pass and over the port: equal answers; the one pass's answers. */
const agree = async (store: FsStore, trust: CheckpointTrust = {}) => {
  const one = counted(store, false);
  const port = counted(store, true);
  expect(hasOnePassFold(one.view)).toBe(true);
  expect(hasOnePassFold(port.view)).toBe(false);
  const verified = await verifyAndFoldStoredLog(one.view, LOG, trust);
  expect(verified).toEqual(await verifyAndFoldStoredLog(port.view, LOG, trust));
  const folded = await foldStoredLog(one.view, LOG);
  expect(folded).toEqual(await foldStoredLog(port.view, LOG));
  return { verified, folded, reads: one.count.reads, portReads: port.count.reads };
};

const codeOf = (r: E.Either<{ code: string }, unknown>): string =>
  E.isLeft(r) ? r.left.code : 'right';

describe('verifyAndFoldStoredLog and foldStoredLog: one pass and the port agree', () => {
  it('on a valid log held to signed checkpoints, without reading a page', async () => {
    const store = await open();
    const logKey = await key();
    await append(store, lifecycles(3));
    await checkpoint(store, logKey.signer);
    await append(store, lifecycles(6).slice(15));
    await checkpoint(store, logKey.signer);
    await append(store, lifecycle(6));
    for (const trust of [{}, { verifiers: [logKey.verifier] }]) {
      const r = await agree(store, trust);
      expect(r.reads).toBe(0);
      expect(r.portReads).toBeGreaterThan(0);
      if (E.isLeft(r.verified) || E.isLeft(r.folded)) throw new Error('expected right');
      expect(r.verified.right.report).toMatchObject({ count: 35, from: 0 });
      expect(r.verified.right.report.root).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(r.verified.right.report.checkpoints.map((c) => c.size)).toEqual([15, 30]);
      expect(r.verified.right.records.map((x) => x.exception_id)).toEqual([
        'exc-0',
        'exc-1',
        'exc-2',
        'exc-3',
        'exc-4',
        'exc-5',
        'exc-6',
      ]);
      expect(r.folded.right).toEqual({ size: 35, records: r.verified.right.records });
    }
    await store.close();
  });

  it('on an empty log, and as the memory adapter answers for the same events', async () => {
    const store = await open();
    const empty = await agree(store);
    expect(E.isRight(empty.folded) && empty.folded.right).toEqual({ size: 0, records: [] });
    expect(E.isRight(empty.verified) && empty.verified.right.report.count).toBe(0);
    const memory = createMemoryStore();
    expect(hasOnePassFold(memory)).toBe(false);
    await append(store, lifecycles(4));
    await append(memory, lifecycles(4));
    const r = await agree(store);
    expect(await verifyAndFoldStoredLog(memory, LOG)).toEqual(r.verified);
    expect(await foldStoredLog(memory, LOG)).toEqual(r.folded);
    await memory.close();
    await store.close();
  });

  it('on a tampered line: the port error, STORE_RECORD_CORRUPT naming the line', async () => {
    let store = await open();
    await append(store, lifecycles(3));
    store = await reopen(store);
    const text = await readFile(data(store), 'utf8');
    await writeFile(data(store), text.replace('"risk_score":21', '"risk_score":99'));
    store = await reopen(store);
    const r = await agree(store);
    expect(codeOf(r.verified)).toBe('STORE_RECORD_CORRUPT');
    expect(E.isLeft(r.verified) && r.verified.left.message).toContain(
      'CORE_LOG_HASH_MISMATCH at seq 5',
    );
    expect(codeOf(r.folded)).toBe('STORE_RECORD_CORRUPT');
    await store.close();
  });

  it('on a torn tail: STORE_TORN_TAIL, as the port reports it', async () => {
    let store = await open();
    await append(store, lifecycles(2));
    await store.close();
    await appendFile(data(store), '{"actor":{"id":"alice","kind":"hu');
    store = await open(store.dir);
    const r = await agree(store);
    expect(codeOf(r.verified)).toBe('STORE_TORN_TAIL');
    expect(codeOf(r.folded)).toBe('STORE_TORN_TAIL');
    await store.close();
  });

  it('on an event the lifecycle refuses: the fold error itself, found in the one pass', async () => {
    const store = await open();
    const all = lifecycles(2);
    // exc-0's version-2 approval again, by the same approver: refused at seq 10.
    await append(store, [...all, all[4] as EventDraft]);
    const r = await agree(store);
    expect(r.reads).toBe(0);
    for (const x of [r.verified, r.folded]) {
      expect(codeOf(x)).toMatch(/^CORE_EXCEPTION_/);
      expect(E.isLeft(x) && (x.left as { path?: string }).path).toMatch(/^\$\[10\]/);
    }
    await store.close();
  });

  it('on checkpoints: a signature that fails comes first; a rewritten history fails its root', async () => {
    let store = await open();
    const logKey = await key();
    const other = await key();
    await append(store, lifecycles(2));
    await checkpoint(store, logKey.signer);
    // A bad signature is reported before the chain is read, even when the chain is also broken.
    const wrong = await agree(store, { verifiers: [other.verifier] });
    expect(codeOf(wrong.verified)).toBe('STORE_CHECKPOINT_INVALID');
    // Another valid chain of the same size in place of the checkpointed one.
    const twin = await open();
    await append(twin, [...lifecycle(5), ...lifecycle(6)]);
    await twin.close();
    await store.close();
    await writeFile(data(store), await readFile(data(twin)));
    await rm(join(store.dir, 'logs', LOG, 'events.idx'), { force: true });
    store = await open(store.dir);
    for (const trust of [{}, { verifiers: [logKey.verifier] }, { verifiers: [other.verifier] }]) {
      const r = await agree(store, trust);
      expect(codeOf(r.verified)).toBe(
        trust.verifiers?.[0] === other.verifier
          ? 'STORE_CHECKPOINT_INVALID'
          : 'STORE_RECORD_CORRUPT',
      );
      expect(codeOf(r.folded)).toBe('right');
    }
    const mismatch = await verifyAndFoldStoredLog(store, LOG);
    expect(E.isLeft(mismatch) && mismatch.left.message).toContain('CORE_LOG_CHECKPOINT_MISMATCH');
    await store.close();
  });

  it('on a forged genesis link: verification refuses it; the fold reads as the port does', async () => {
    const store = await open();
    const forged = sealEvents(
      { log_id: LOG, size: 0, hash: `sha256:${'ab'.repeat(32)}` as never },
      lifecycles(1),
    );
    const lines = E.isRight(forged) ? encodeEventLines(forged.right.events) : undefined;
    if (lines === undefined || E.isLeft(lines)) throw new Error('cannot seal the fixture');
    await append(store, lifecycles(1));
    await store.close();
    await writeFile(data(store), lines.right);
    await rm(join(store.dir, 'logs', LOG, 'events.idx'), { force: true });
    const reopened = await open(store.dir);
    const r = await agree(reopened);
    expect(codeOf(r.verified)).toBe('STORE_RECORD_CORRUPT');
    // The port's reads take the first record's link as given: the fold answers as it always did.
    expect(codeOf(r.folded)).toBe('right');
    await reopened.close();
  });
});
