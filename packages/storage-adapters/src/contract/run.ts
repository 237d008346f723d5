/**
 * The storage contract suite: the behaviour every adapter of the storage port must have.
 * @module
 */
import type { WarrantStore } from '@warrant/core';
import { blobCases } from './blobs.contract';
import { checkpointCases } from './checkpoints.contract';
import { eventCases } from './events.contract';
import { exceptionCases } from './exceptions.contract';
import { type ContractTestApi, runCase, type StoreFactory } from './harness';
import { persistenceCases } from './persistence.contract';

/**
 * Registers the storage contract tests for one adapter with the caller's test runner.
 *
 * The suite imports no test framework: pass `describe` and `it` from vitest, jest, mocha or
 * node:test. Each test gets a fresh store from `factory.create()` and disposes of it afterwards.
 * Persistent adapters pass `factory.reopen` and get the restart tests as well.
 * @param name - the adapter's name, used as the `describe` title
 * @param factory - makes (and optionally reopens and disposes of) stores
 * @param api - `describe` and `it` from the test runner
 * @see docs/guides/storage.md "Running the contract suite"
 * @example
 * import { describe, it } from 'vitest';
 * import { runStorageContract } from '@warrant/storage-adapters/contract';
 * import { createMemoryStore } from '@warrant/storage-adapters/memory';
 * runStorageContract('memory', { create: async () => createMemoryStore() }, { describe, it });
 */
export const runStorageContract = <S extends WarrantStore>(
  name: string,
  factory: StoreFactory<S>,
  api: ContractTestApi,
): void => {
  api.describe(`storage contract: ${name}`, () => {
    api.describe('events', () => {
      for (const [title, body] of eventCases<S>()) api.it(title, runCase(factory, body), 60_000);
    });
    api.describe('exception queries', () => {
      for (const [title, body] of exceptionCases<S>())
        api.it(title, runCase(factory, body), 60_000);
    });
    api.describe('checkpoints', () => {
      for (const [title, body] of checkpointCases<S>())
        api.it(title, runCase(factory, body), 60_000);
    });
    api.describe('blobs and pack records', () => {
      for (const [title, body] of blobCases<S>()) api.it(title, runCase(factory, body), 60_000);
    });
    if (factory.reopen !== undefined) {
      api.describe('persistence', () => {
        for (const [title, body] of persistenceCases<S>()) {
          api.it(title, runCase(factory, body), 60_000);
        }
      });
    }
  });
};
