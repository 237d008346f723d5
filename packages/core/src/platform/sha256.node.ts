/**
 * SHA-256 on Node: node:crypto (OpenSSL), several times faster than portable JavaScript.
 * Results are returned as plain Uint8Array views, never as Buffer.
 * @module
 */
import { createHash } from 'node:crypto';
import type { Sha256Hasher } from './sha256.types';

export const name = 'node:crypto' as const;

const view = (b: Uint8Array): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export const sha256 = (bytes: Uint8Array): Uint8Array =>
  view(createHash('sha256').update(bytes).digest());

export const createSha256 = (): Sha256Hasher => {
  const h = createHash('sha256');
  const hasher: Sha256Hasher = {
    update: (bytes) => {
      h.update(bytes);
      return hasher;
    },
    digest: () => view(h.digest()),
  };
  return hasher;
};
