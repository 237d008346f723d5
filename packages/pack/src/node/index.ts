/**
 * @warrant/pack/node: filesystem streaming helpers for building and verifying packs on Node.
 * @module
 */
export const PACK_NODE_PACKAGE = '@warrant/pack/node' as const;

// --- archive ---
export { fileArchiveSource, writeArchiveFile, readArchiveFile } from './archive-file';
