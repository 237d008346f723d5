/**
 * SHA-256 for browsers and other non-Node runtimes: @noble/hashes (audited, synchronous).
 * @module
 */
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import type { Sha256Hasher } from './sha256.types';

export const name = '@noble/hashes' as const;

export const sha256 = (bytes: Uint8Array): Uint8Array => nobleSha256(bytes);

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
