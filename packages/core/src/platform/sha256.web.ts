/**
 * SHA-256 for browsers and other non-Node runtimes: @noble/hashes (audited, synchronous, no
 * dependencies). WebCrypto's `crypto.subtle.digest` is faster for large inputs but asynchronous
 * only; `sha256Async` in digest-async.ts uses it where present.
 * @module
 */
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Sha256Hasher } from './sha256.types';

export const name = '@noble/hashes' as const;

// From 16 KiB, native WebCrypto beats portable JavaScript even counting the promise round trip:
// bench/sha256-browser.bench.ts measured Chromium's crypto.subtle ahead from 1-4 KiB on a loaded
// machine (bench/RESULTS.md); 16 KiB keeps small inputs synchronous on fast ones, where
// @noble/hashes runs at a few hundred MiB/s and the round trip costs tens of microseconds.
export const subtleThreshold = 16 * 1024;

export const sha256 = (bytes: Uint8Array): Uint8Array => nobleSha256(bytes);

export const sha256HexOfText = (text: string): string => bytesToHex(nobleSha256(utf8ToBytes(text)));

export const sha256Into = (input: Uint8Array, out: Uint8Array, offset: number): void => {
  out.set(nobleSha256(input), offset);
};

export const createSha256 = (): Sha256Hasher => {
  const h = nobleSha256.create();
  const hasher: Sha256Hasher = {
    update: (bytes) => {
      h.update(bytes);
      return hasher;
    },
    digest: () => h.digest(),
  };
  return hasher;
};
