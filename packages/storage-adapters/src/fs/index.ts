/**
 * @warrant/storage-adapters/fs
 * @module
 */
export const ADAPTER = 'fs' as const;
