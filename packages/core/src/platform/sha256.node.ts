/**
 * SHA-256 on Node: node:crypto (OpenSSL, with SHA extensions where the CPU has them).
 *
 * One-shot hashing uses `crypto.hash` (Node >= 20.12), which skips the Hash object that
 * `createHash` allocates per call: for the 33- and 65-byte inputs of Merkle trees that object,
 * not the compression function, is most of the cost. The digest is requested as a `binary` (latin1)
 * string, one char per byte, and copied out, which measured faster than asking Node for a Buffer. Results
 * are plain Uint8Array, never Buffer, so callers see the same type on every platform.
 * @module
 */
import * as crypto from 'node:crypto';
import type { Sha256Hasher } from './sha256.types';

export const name = 'node:crypto' as const;

// node:crypto in-thread is faster than WebCrypto on Node at every size (WebCrypto copies the input
// and hops to the thread pool), so sha256Async never goes to crypto.subtle here.
export const subtleThreshold = Number.POSITIVE_INFINITY;

// Feature test rather than version sniffing: crypto.hash exists from Node 20.12 / 21.7.
const oneShot: ((data: Uint8Array) => string) | undefined =
  typeof crypto.hash === 'function' ? (data) => crypto.hash('sha256', data, 'binary') : undefined;

export const sha256Into = (input: Uint8Array, out: Uint8Array, offset: number): void => {
  if (oneShot === undefined) {
    out.set(crypto.createHash('sha256').update(input).digest(), offset);
    return;
  }
  const s = oneShot(input);
  for (let i = 0; i < 32; i++) out[offset + i] = s.charCodeAt(i);
};

export const sha256HexOfText = (text: string): string =>
  typeof crypto.hash === 'function'
    ? crypto.hash('sha256', text, 'hex')
    : crypto.createHash('sha256').update(text, 'utf8').digest('hex');

export const sha256 = (bytes: Uint8Array): Uint8Array => {
  const out = new Uint8Array(32);
  sha256Into(bytes, out, 0);
  return out;
};

export const createSha256 = (): Sha256Hasher => {
  const h = crypto.createHash('sha256');
  const hasher: Sha256Hasher = {
    update: (bytes) => {
      h.update(bytes);
      return hasher;
    },
    // Copy out of the Buffer so no pooled ArrayBuffer is ever shared with the caller.
    digest: () => new Uint8Array(h.digest()),
  };
  return hasher;
};
