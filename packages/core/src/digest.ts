/**
 * Content addresses (`sha256:<64 lowercase hex>`) as a branded string with a strict parser, and
 * SHA-256 of bytes, of canonical JSON and of data fed in chunks.
 *
 * One API on every runtime: the `#platform/sha256` import condition picks node:crypto on Node and
 * @noble/hashes elsewhere (see platform/sha256.types.ts); both give identical results, which the
 * property tests prove. For large inputs in browsers, see `sha256Async` and `digestStream` in
 * digest-async.ts.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import * as platform from '#platform/sha256';
import { fromHex, toHex } from './bytes';
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

/** Length in bytes of a SHA-256 digest. */
export const SHA256_DIGEST_LENGTH = 32;

// --- operations ------------------------------------------------------------

/**
 * Parses a content address strictly: the `sha256:` prefix and exactly 64 lowercase hex digits,
 * nothing before or after (no whitespace, no uppercase, no other algorithm).
 * @param text - the candidate digest; anything that is not a string is refused, not coerced
 * @param path - where the value came from, for the error (defaults to `$`)
 * @returns the branded digest, or `CORE_DIGEST_INVALID`
 * @example
 * parseDigest('sha256:' + 'ab'.repeat(32)) // right('sha256:abab…')
 * parseDigest('SHA256:AB…')                // left({ code: 'CORE_DIGEST_INVALID', … })
 */
export const parseDigest = (text: unknown, path = '$'): E.Either<DigestError, Sha256Digest> =>
  typeof text === 'string' && DIGEST_PATTERN.test(text)
    ? E.right(text as Sha256Digest)
    : E.left(
        makeError(
          'CORE_DIGEST_INVALID',
          typeof text === 'string'
            ? `expected "sha256:" followed by 64 lowercase hex digits, got ${JSON.stringify(text.slice(0, 80))}`
            : `expected a "sha256:<64 hex>" string, got ${text === null ? 'null' : typeof text}`,
          path,
        ),
      );

/**
 * Raw SHA-256 of some bytes (node:crypto on Node, @noble/hashes elsewhere).
 * @param bytes - the input
 * @returns a new 32-byte array
 * @throws TypeError if `bytes` is not a Uint8Array (a programming error; strings are not hashed)
 * @see https://csrc.nist.gov/pubs/fips/180-4/upd1/final (FIPS 180-4, SHA-256)
 * @example
 * toHex(sha256(new Uint8Array())) // 'e3b0c442…b855'
 */
export const sha256 = (bytes: Uint8Array): Uint8Array => {
  assertBytes(bytes, 'sha256 input');
  return platform.sha256(bytes);
};

/**
 * Starts an incremental SHA-256 for large or streamed input. Any chunking of the same bytes gives
 * the same digest as {@link sha256} of the whole.
 * @returns a hasher; call `update` per chunk, then `digest` once
 * @throws TypeError from `update` if a chunk is not a Uint8Array, and from `update`/`digest`
 *   once `digest` has been called (a finished hasher cannot be reused)
 * @example
 * const h = createSha256();
 * h.update(utf8Encode('ab')).update(utf8Encode('c'));
 * toHex(h.digest()) // 'ba7816bf…15ad', the same as sha256(utf8Encode('abc'))
 */
export const createSha256 = (): Sha256Hasher => {
  const inner = platform.createSha256();
  let done = false;
  const live = (what: string): void => {
    if (done) throw new TypeError(`Sha256Hasher.${what}() called after digest()`);
  };
  const hasher: Sha256Hasher = {
    update: (bytes) => {
      live('update');
      assertBytes(bytes, 'Sha256Hasher.update chunk');
      inner.update(bytes);
      return hasher;
    },
    digest: () => {
      live('digest');
      done = true;
      return inner.digest();
    },
  };
  return hasher;
};

/** Which implementation this runtime uses: `node:crypto` or `@noble/hashes`. */
export const SHA256_IMPLEMENTATION: 'node:crypto' | '@noble/hashes' = platform.name;

/**
 * The content address of some bytes.
 * @param bytes - the input
 * @returns `sha256:<hex>`
 * @throws TypeError if `bytes` is not a Uint8Array
 * @example
 * digestBytes(utf8Encode('abc')) // 'sha256:ba7816bf…15ad'
 */
export const digestBytes = (bytes: Uint8Array): Sha256Digest => digestFromRaw(sha256(bytes));

/**
 * @internal The content address of the UTF-8 encoding of `text`: the same digest as
 * `digestBytes(utf8Encode(text))` (a lone surrogate encodes as U+FFFD), without the byte array
 * or the hex conversion in between.
 */
export const digestText = (text: string): Sha256Digest =>
  `sha256:${platform.sha256HexOfText(text)}` as Sha256Digest;

/**
 * The content address of a JSON value's RFC 8785 canonical UTF-8 bytes.
 * @param value - a JSON-compatible value
 * @returns `sha256:<hex>` of the canonical bytes, or the canonicalization refusal
 * @see https://www.rfc-editor.org/rfc/rfc8785
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
  assertBytes(raw, 'digestFromRaw input');
  if (raw.length !== SHA256_DIGEST_LENGTH) {
    throw new RangeError(`expected ${SHA256_DIGEST_LENGTH} digest bytes, got ${raw.length}`);
  }
  return `sha256:${toHex(raw)}` as Sha256Digest;
};

/**
 * The 32 raw bytes of a content address (the inverse of {@link digestFromRaw}), e.g. to use
 * digests listed in a manifest as Merkle leaf hashes.
 * @param digest - a parsed content address
 * @returns a new 32-byte array
 * @throws TypeError if `digest` does not have the content-address shape (it was cast, not parsed)
 * @example
 * bytesEqual(digestToRaw(digestBytes(b)), sha256(b)) // true
 */
export const digestToRaw = (digest: Sha256Digest): Uint8Array => {
  // The brand promises the shape; a string cast to the brand without parsing is a programming error.
  const raw =
    typeof digest === 'string' && DIGEST_PATTERN.test(digest)
      ? fromHex(digest.slice(7))
      : undefined;
  if (raw === undefined) throw new TypeError('digestToRaw: expected a parsed Sha256Digest');
  return raw;
};

// --- internal --------------------------------------------------------------

/**
 * Whether `value` is a Uint8Array, including one from another realm (iframe, vm context) and
 * Node's Buffer subclass.
 * @internal
 */
export const isBytes = (value: unknown): value is Uint8Array =>
  value instanceof Uint8Array ||
  (ArrayBuffer.isView(value) && value.constructor.name === 'Uint8Array');

/**
 * Tier-2 guard: throws TypeError when a typed API receives something other than bytes.
 * @internal
 */
export const assertBytes = (value: unknown, what: string): void => {
  if (!isBytes(value)) {
    throw new TypeError(`${what}: expected a Uint8Array, got ${describe(value)}`);
  }
};

const describe = (value: unknown): string =>
  value === null
    ? 'null'
    : typeof value === 'object'
      ? ((value as object).constructor?.name ?? 'object')
      : typeof value;
