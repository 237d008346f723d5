/**
 * @warrant/storage-adapters/memory: the in-memory store (the embedded default; runs anywhere).
 * @module
 */
export { createMemoryStore } from './memory-store';
