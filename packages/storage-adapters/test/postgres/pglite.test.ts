import { afterAll, beforeAll, describe, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import { PGlite } from '@electric-sql/pglite';
import { runStorageContract } from '@warrant/storage-adapters/contract';
import {
  createPgliteClient,
  migrate,
  openPostgresStore,
  type PostgresStore,
} from '@warrant/storage-adapters/postgres';

// One embedded database for the file; each test gets a fresh schema.
let db: PGlite;
let n = 0;
beforeAll(async () => {
  db = new PGlite();
  await db.waitReady;
});
afterAll(async () => {
  await db.close();
});

const open = async (schema: string): Promise<PostgresStore> => {
  const opened = await openPostgresStore(createPgliteClient(db), { schema });
  if (E.isLeft(opened)) throw new Error(opened.left.message);
  return opened.right;
};

runStorageContract<PostgresStore>(
  'postgres (PGlite)',
  {
    create: async () => {
      const schema = `contract_${++n}`;
      const m = await migrate(createPgliteClient(db), { schema });
      if (E.isLeft(m)) throw new Error(m.left.message);
      return open(schema);
    },
    reopen: async (store) => {
      await store.close();
      return open(store.schema);
    },
    dispose: async (store) => {
      await db.exec(`DROP SCHEMA "${store.schema}" CASCADE`);
    },
  },
  { describe, it },
);
