import { afterAll, describe, it } from 'vitest';
import { runStorageContract } from '@warrant/storage-adapters/contract';
import type { PostgresStore } from '@warrant/storage-adapters/postgres';
import { describeServer, dropSchema, endPools, freshSchema, openAsApp } from './server';

afterAll(endPools);

// The contract suite against a real server, connected as the application role (NOSUPERUSER,
// NOBYPASSRLS): every operation passes through row-level security.
describeServer('PostgreSQL server', () => {
  runStorageContract<PostgresStore>(
    'postgres (pg, application role)',
    {
      create: async () => openAsApp(await freshSchema('contract')),
      reopen: async (store) => {
        await store.close();
        return openAsApp(store.schema);
      },
      dispose: (store) => dropSchema(store.schema),
    },
    { describe, it },
  );
});
