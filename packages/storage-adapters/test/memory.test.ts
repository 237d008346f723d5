import { describe, it } from 'vitest';
import { runStorageContract } from '@warrant/storage-adapters/contract';
import { createMemoryStore } from '@warrant/storage-adapters/memory';

runStorageContract('memory', { create: async () => createMemoryStore() }, { describe, it });
