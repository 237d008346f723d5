/**
 * Content addresses: `sha256:<64 lowercase hex>`, as a branded string with a strict parser.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import * as platform from '#platform/sha256';
import { toHex } from './bytes';
import { canonicalizeToBytes, type CanonicalJsonError } from './canonical-json';
import { makeError, type WarrantError } from './errors';
import type { Sha256Hasher } from './platform/sha256.types';

export type { Sha256Hasher } from './platform/sha256.types';

// --- model -----------------------------------------------------------------

const DIGEST_PATTERN = /^sha256:[0-9a-f]{64}$/;

/** Brand of {@link Sha256Digest}. */
export interface Sha256DigestBrand {
  readonly Sha256Digest: unique symbol;
}

/** A content address: `sha256:` followed by 64 lowercase hex characters. */
export const Sha256Digest = t.brand(
  t.string,
  (s): s is t.Branded<string, Sha256DigestBrand> => DIGEST_PATTERN.test(s),
  'Sha256Digest',
);
/** A content address: `sha256:` followed by 64 lowercase hex characters. */
export type Sha256Digest = t.TypeOf<typeof Sha256Digest>;

/** Why a digest string was refused. */
export type DigestError = WarrantError<'CORE_DIGEST_INVALID'>;

// --- operations ------------------------------------------------------------

/**
 * Parses a content address strictly: the `sha256:` prefix and exactly 64 lowercase hex digits.
 * @param text - the candidate digest
 * @param path - where the value came from, for the error (defaults to `$`)
 * @returns the branded digest, or `CORE_DIGEST_INVALID`
 * @example
 * parseDigest('sha256:' + 'ab'.repeat(32)) // right('sha256:abab…')
 * parseDigest('SHA256:AB…')                // left({ code: 'CORE_DIGEST_INVALID', … })
 */
export const parseDigest = (text: string, path = '$'): E.Either<DigestError, Sha256Digest> =>
  DIGEST_PATTERN.test(text)
    ? E.right(text as Sha256Digest)
    : E.left(
        makeError(
          'CORE_DIGEST_INVALID',
          `expected "sha256:" followed by 64 lowercase hex digits, got ${JSON.stringify(text.slice(0, 80))}`,
          path,
        ),
      );

/**
 * Raw SHA-256 of some bytes (node:crypto on Node, @noble/hashes elsewhere).
 * @param bytes - the input
 * @returns the 32-byte digest
 * @example
 * toHex(sha256(new Uint8Array())) // 'e3b0c442…b855'
 */
export const sha256 = (bytes: Uint8Array): Uint8Array => platform.sha256(bytes);

/**
 * Starts an incremental SHA-256 for large or streamed input.
 * @returns a hasher; call `update` per chunk, then `digest` once
 * @example
 * const h = createSha256(); h.update(a); h.update(b); const d = h.digest();
 */
export const createSha256 = (): Sha256Hasher => platform.createSha256();

/** Which implementation this runtime uses: `node:crypto` or `@noble/hashes`. */
export const SHA256_IMPLEMENTATION: string = platform.name;

/**
 * The content address of some bytes.
 * @param bytes - the input
 * @returns `sha256:<hex>`
 * @example
 * digestBytes(new TextEncoder().encode('abc')) // 'sha256:ba7816bf…15ad'
 */
export const digestBytes = (bytes: Uint8Array): Sha256Digest =>
  `sha256:${toHex(platform.sha256(bytes))}` as Sha256Digest;

/**
 * The content address of a JSON value's RFC 8785 canonical UTF-8 bytes.
 * @param value - a JSON-compatible value
 * @returns `sha256:<hex>` of the canonical bytes, or the canonicalization refusal
 * @example
 * digestCanonical({ b: 1, a: 2 }) // same digest as digestCanonical({ a: 2, b: 1 })
 */
export const digestCanonical = (value: unknown): E.Either<CanonicalJsonError, Sha256Digest> =>
  E.map(digestBytes)(canonicalizeToBytes(value));

/**
 * Formats raw 32 digest bytes as a content address.
 * @param raw - exactly 32 bytes
 * @returns `sha256:<hex>`
 * @throws RangeError if `raw` is not 32 bytes long (a programming error)
 * @example
 * digestFromRaw(sha256(bytes)) === digestBytes(bytes) // true
 */
export const digestFromRaw = (raw: Uint8Array): Sha256Digest => {
  if (raw.length !== 32) throw new RangeError(`expected 32 digest bytes, got ${raw.length}`);
  return `sha256:${toHex(raw)}` as Sha256Digest;
};
