/**
 * How `verifyPack` hashes file contents on Node: incrementally through @warrant/core's SHA-256
 * (node:crypto in-thread), the fastest path at every size, so no file is ever collected whole.
 * The browser counterpart is file-digest.web.ts; the `#platform/file-digest` import condition in
 * package.json picks one.
 * @module
 */

/** Largest file verification collects whole to hash with WebCrypto; 0: never. */
export const WHOLE_FILE_DIGEST_MAX_BYTES = 0;
