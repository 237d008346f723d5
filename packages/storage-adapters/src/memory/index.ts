/**
 * @warrant/storage-adapters/memory
 * @module
 */
export const ADAPTER = 'memory' as const;
