/**
 * @warrant/storage-adapters/contract
 * @module
 */
export const ADAPTER = 'contract' as const;
