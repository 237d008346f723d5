/**
 * How `verifyPack` hashes file contents outside Node. WebCrypto's `crypto.subtle.digest` runs
 * about ten times faster than portable JavaScript in Chromium (bench/RESULTS.md `## pack`), but it
 * has no incremental form, so files up to this size are collected whole and handed to it
 * (`sha256Async`, which falls back to @noble/hashes where `crypto.subtle` is missing); larger files
 * stream through @noble/hashes. The `#platform/file-digest` import condition picks this file.
 * @module
 */

/** Largest file verification collects whole to hash with WebCrypto; 0: never. */
export const WHOLE_FILE_DIGEST_MAX_BYTES = 64 * 1024 * 1024;
