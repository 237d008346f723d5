/**
 * @warrant/storage-adapters/postgres
 * @module
 */
export const ADAPTER = 'postgres' as const;
