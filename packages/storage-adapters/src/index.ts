/**
 * @warrant/storage-adapters: the storage port and its adapters. Import an adapter from its
 * subpath (`./memory`, `./fs`, `./postgres`) so bundles only carry what they use.
 * @module
 */
export const STORAGE_ADAPTERS_PACKAGE = '@warrant/storage-adapters' as const;

// --- stored logs: one-pass verify and fold, exception histories ---
export { readExceptionHistories, groupExceptionHistories } from './exception-histories';
export { foldStoredLog, hasOnePassFold, verifyAndFoldStoredLog } from './stored-fold';
export type { FoldedStoredLog, OnePassFoldStore, VerifiedStoredExceptions } from './stored-fold';
