/**
 * The types a caller hands the contract suite: a test API (any runner) and a store factory.
 * @module
 */
import type { WarrantStore } from '@warrant/core';

/**
 * The two functions the suite needs from a test runner; vitest, jest, mocha and node:test
 * (`import { describe, it } from 'node:test'`) all provide them.
 */
export interface ContractTestApi {
  readonly describe: (name: string, fn: () => void) => void;
  readonly it: (name: string, fn: () => Promise<void>, timeoutMs?: number) => void;
}

/** How the suite gets stores from the adapter under test. */
export interface StoreFactory<S extends WarrantStore = WarrantStore> {
  /** A fresh, empty store (a new temporary directory, database schema…). */
  readonly create: () => Promise<S>;
  /**
   * Persistent adapters only: close `store` and open the same storage again. When given, the
   * suite checks that everything survives a restart.
   */
  readonly reopen?: (store: S) => Promise<S>;
  /** Releases what `create` made; called after each test with the last store. */
  readonly dispose?: (store: S) => Promise<void>;
}

/** One test of the suite: receives a factory-made store, may replace it (reopen). @internal */
export type ContractCase<S extends WarrantStore> = (ctx: {
  store: S;
  readonly factory: StoreFactory<S>;
}) => Promise<void>;

/** Runs one case with a fresh store and always disposes of it. @internal */
export const runCase =
  <S extends WarrantStore>(factory: StoreFactory<S>, body: ContractCase<S>) =>
  async (): Promise<void> => {
    const ctx = { store: await factory.create(), factory };
    try {
      await body(ctx);
    } finally {
      await ctx.store.close();
      await factory.dispose?.(ctx.store);
    }
  };
