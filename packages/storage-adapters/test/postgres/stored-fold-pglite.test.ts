// The stored-log helpers over the PostgreSQL adapter (embedded, PGlite): it has no one-pass
// fold, so they read it through the port, and for the same events they must answer exactly as
// the filesystem store's one pass does (same report, same records, same histories).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { PGlite } from '@electric-sql/pglite';
import type { EventDraft, LogId, WarrantStore } from '@warrant/core';
import {
  foldStoredLog,
  hasOnePassFold,
  readExceptionHistories,
  verifyAndFoldStoredLog,
} from '@warrant/storage-adapters';
import { openFsStore } from '@warrant/storage-adapters/fs';
import { createPgliteClient, migrate, openPostgresStore } from '@warrant/storage-adapters/postgres';
import { lifecycles } from '../fixtures/exception-drafts';

const LOG = 'tenant-pglite-fold' as LogId;
let db: PGlite;
let dir: string;
beforeAll(async () => {
  db = new PGlite();
  await db.waitReady;
  dir = await mkdtemp(join(tmpdir(), 'warrant-stored-fold-pg-'));
});
afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

const append = async (store: WarrantStore, drafts: EventDraft[]): Promise<void> => {
  const head = await store.events.head(LOG);
  if (E.isLeft(head)) throw new Error(head.left.message);
  const r = await store.events.append(LOG, head.right.size, drafts);
  if (E.isLeft(r)) throw new Error(r.left.message);
};

describe('verifyAndFoldStoredLog, foldStoredLog, readExceptionHistories on PGlite', () => {
  it('answer as the filesystem one pass does for the same events', async () => {
    const m = await migrate(createPgliteClient(db), { schema: 'stored_fold' });
    if (E.isLeft(m)) throw new Error(m.left.message);
    const pg = await openPostgresStore(createPgliteClient(db), { schema: 'stored_fold' });
    const fs = await openFsStore(dir);
    if (E.isLeft(pg) || E.isLeft(fs)) throw new Error('cannot open the stores');
    expect(hasOnePassFold(pg.right)).toBe(false);
    expect(hasOnePassFold(fs.right)).toBe(true);
    const drafts = lifecycles(6);
    await append(pg.right, drafts);
    await append(fs.right, drafts);

    const verified = await verifyAndFoldStoredLog(pg.right, LOG);
    expect(E.isRight(verified) && verified.right.report.count).toBe(drafts.length);
    expect(E.isRight(verified) && verified.right.records.length).toBe(6);
    expect(verified).toEqual(await verifyAndFoldStoredLog(fs.right, LOG));
    expect(await foldStoredLog(pg.right, LOG)).toEqual(await foldStoredLog(fs.right, LOG));
    const histories = await readExceptionHistories(pg.right, LOG);
    expect(E.isRight(histories) && histories.right.length).toBe(6);
    expect(histories).toEqual(await readExceptionHistories(fs.right, LOG));

    await pg.right.close();
    await fs.right.close();
  });
});
