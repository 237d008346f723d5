/**
 * @warrant/storage-adapters/contract: the contract suite every storage adapter runs, including
 * adapters that host products write. It imports no test framework (pass your runner's
 * `describe` and `it`).
 * @module
 */
export { runStorageContract } from './run';
export type { ContractTestApi, StoreFactory } from './harness';
