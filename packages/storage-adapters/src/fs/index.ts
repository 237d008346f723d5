/**
 * @warrant/storage-adapters/fs: the filesystem store (Node only): append-only JSON Lines per log,
 * fsync before acknowledging, a single-writer lock, torn-tail detection and explicit repair.
 * @module
 */
export { openFsStore } from './fs-store';
export type { FsLogStatus, FsStore, FsStoreOptions } from './fs-store';
export type { TornTail } from './log-file';
