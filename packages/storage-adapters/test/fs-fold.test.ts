// The filesystem adapter folds a stored log in one pass (core's createExceptionLogFolder) the
// first time its exceptions are queried, and offers verifyAndFoldLog. These tests hold both to
// the paged path they replace: the exception index over `events.read` (each page verified, then
// every event applied), and verifyLog then foldExceptionLog over the events read.
import { afterEach, describe, expect, it } from 'vitest';
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import {
  encodeEventLines,
  foldExceptionLog,
  sealEvents,
  type EventDraft,
  type ExceptionQuery,
  type LogId,
} from '@warrant/core';
import { openFsStore, type FsStore } from '@warrant/storage-adapters/fs';
import { createExceptionIndex } from '../src/internal/exception-index';
import { day, event, lifecycles, proposal } from './fixtures/exception-drafts';

const LOG = 'tenant-fold' as LogId;
const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
const open = async (dir?: string, readOnly = false): Promise<FsStore> => {
  const d = dir ?? (await mkdtemp(join(tmpdir(), 'warrant-fold-')));
  if (dir === undefined) dirs.push(d);
  const r = await openFsStore(d, { readOnly });
  if (E.isLeft(r)) throw new Error(`${r.left.code}: ${r.left.message}`);
  return r.right;
};
const data = (store: FsStore): string => join(store.dir, 'logs', LOG, 'events.jsonl');
/** A proposal whose stored set is out of order: the fast reader normalizes it. */
const unsorted = (): EventDraft => {
  const d = event('exception.proposed', day(20), 'exc-unsorted', {
    version: 1,
    proposal: proposal(7, 'stored unsorted'),
  });
  const payload = structuredClone(d.payload) as {
    proposal: { scope: { vulnerabilities: string[] } };
  };
  payload.proposal.scope.vulnerabilities = ['CVE-2021-23337', 'CVE-2020-8203'];
  return { ...d, payload } as EventDraft;
};
const drafts = (n: number): EventDraft[] => [...lifecycles(n), unsorted()];

const QUERIES: ReadonlyArray<ExceptionQuery> = [
  { at: day(28) },
  { at: day(3) },
  { at: day(28), filter: { statuses: ['active'] } },
  { at: day(28), active_for_artifacts: [`sha256:${'1'.repeat(64)}`] } as ExceptionQuery,
];

/** What the store answers, and what the paged index over the same events answers. */
const answers = async (store: FsStore) => {
  const paged = createExceptionIndex(store.events);
  const out: unknown[][] = [];
  for (const q of QUERIES)
    out.push([await store.exceptions.query(LOG, q), await paged.query(LOG, q)]);
  for (const id of ['exc-0', 'exc-1', 'exc-unsorted', 'exc-404'])
    out.push([await store.exceptions.get(LOG, id, day(28)), await paged.get(LOG, id, day(28))]);
  return out;
};
const expectSame = async (store: FsStore): Promise<void> => {
  for (const [one, paged] of await answers(store)) expect(one).toEqual(paged);
};

/** verifyLog, then foldExceptionLog over every event read: what verifyAndFoldLog replaces. */
const reference = async (store: FsStore, options: { root?: boolean } = {}) => {
  const verified = await store.verifyLog(LOG, options);
  if (E.isLeft(verified)) return verified;
  const events = await store.events.read(LOG, { from: 0 });
  if (E.isLeft(events)) return events;
  const records = foldExceptionLog(events.right);
  return E.isLeft(records)
    ? E.left([records.left])
    : E.right({ report: verified.right, records: records.right });
};

describe('fs adapter: one-pass verify and fold', () => {
  it('answers exception queries exactly as the paged fold, before and after appends', async () => {
    const store = await open();
    const all = drafts(6);
    expect(E.isRight(await store.events.append(LOG, 0, all.slice(0, 20)))).toBe(true);
    await expectSame(store);
    expect(E.isRight(await store.events.append(LOG, 20, all.slice(20)))).toBe(true);
    await expectSame(store);
    const folded = await store.verifyAndFoldLog(LOG, { root: true });
    expect(folded).toEqual(await reference(store, { root: true }));
    expect(E.isRight(folded) && folded.right.records.length).toBe(7);
    // A reopened store (reader and writer) folds the file in one pass on its first query.
    await store.close();
    const reader = await open(store.dir, true);
    await expectSame(reader);
    await reader.close();
    const writer = await open(store.dir);
    await expectSame(writer);
    await writer.close();
  });

  it('folds the complete lines of a log with a torn last line, and verifyAndFoldLog reports the tear', async () => {
    let store = await open();
    expect(E.isRight(await store.events.append(LOG, 0, drafts(3)))).toBe(true);
    const before = await answers(store);
    await store.close();
    await appendFile(data(store), '{"actor":{"id":"alice","kind":"hu');
    store = await open(store.dir);
    const after = await answers(store);
    expect(after).toEqual(before);
    for (const [one] of after.slice(0, 2))
      expect(E.isRight(one as E.Either<unknown, unknown>)).toBe(true);
    const folded = await store.verifyAndFoldLog(LOG);
    expect(folded).toEqual(await reference(store));
    expect(E.isLeft(folded) && folded.left).toEqual([
      expect.objectContaining({ code: 'CORE_LOG_TORN_TAIL', index: 16 }),
    ]);
    await store.close();
  });

  it('refuses a tampered line with the code and position the paged fold gives', async () => {
    let store = await open();
    expect(E.isRight(await store.events.append(LOG, 0, drafts(3)))).toBe(true);
    await store.close();
    const text = await readFile(data(store), 'utf8');
    await writeFile(data(store), text.replace('"risk_score":21', '"risk_score":99'));
    store = await open(store.dir);
    for (const [one, paged] of await answers(store)) {
      const codes = (r: unknown) => {
        const e = r as E.Either<
          { code: string; issues?: { code: string; index: number }[] },
          unknown
        >;
        return E.isLeft(e) ? [e.left.code, e.left.issues?.map((i) => [i.code, i.index])] : 'right';
      };
      expect(codes(one)).toEqual(codes(paged));
      expect(codes(one)).toEqual(['STORE_RECORD_CORRUPT', [['CORE_LOG_HASH_MISMATCH', 5]]]);
    }
    const folded = await store.verifyAndFoldLog(LOG);
    expect(folded).toEqual(await reference(store));
    await store.close();
  });

  it('reports an event the lifecycle refuses exactly as the paged fold does, every time', async () => {
    const store = await open();
    const all = drafts(2);
    // exc-0's second approval of version 2 by the same approver: refused at seq 10.
    expect(E.isRight(await store.events.append(LOG, 0, [...all, all[4] as EventDraft]))).toBe(true);
    await store.close();
    const reopened = await open(store.dir);
    const got = await answers(reopened);
    for (const [one, paged] of got) {
      expect(one).toEqual(paged);
      expect(one).toEqual(E.left(expect.objectContaining({ code: 'STORE_RECORD_CORRUPT' })));
    }
    expect((got[0]?.[0] as E.Left<{ message: string }>).left.message).toMatch(/refuses event 11:/);
    const folded = await reopened.verifyAndFoldLog(LOG);
    expect(folded).toEqual(await reference(reopened));
    await reopened.close();
  });

  it('holds the log to its genesis link, which the paged reads take as given', async () => {
    const store = await open();
    const forged = sealEvents(
      { log_id: LOG, size: 0, hash: `sha256:${'ab'.repeat(32)}` as never },
      drafts(1),
    );
    const lines = E.isRight(forged) ? encodeEventLines(forged.right.events) : undefined;
    if (lines === undefined || E.isLeft(lines)) throw new Error('cannot seal the fixture');
    await mkdir(join(store.dir, 'logs', LOG), { recursive: true });
    await writeFile(data(store), lines.right);
    const reopened = await open(store.dir, true);
    const [[one, paged]] = (await answers(reopened)) as [[unknown, unknown]];
    expect(E.isRight(paged as E.Either<unknown, unknown>)).toBe(true);
    expect(one).toEqual(
      E.left(
        expect.objectContaining({
          code: 'STORE_RECORD_CORRUPT',
          issues: [expect.objectContaining({ code: 'CORE_LOG_PREV_HASH_MISMATCH', index: 0 })],
        }),
      ),
    );
    await reopened.close();
    await store.close();
  });
});
