/**
 * What redacted values become (docs/spec/redaction-v1.md section 6): the mask string, keyed
 * pseudonyms (HMAC-SHA256, RFC 2104, stable within a pack), and the HMAC itself.
 *
 * HMAC is written here (ten lines of RFC 2104) over `@warrant/core`'s SHA-256 rather than taken
 * from @noble/hashes' `hmac`: `@warrant/pack` does not declare @noble/hashes (only core does, and
 * importing a sibling's dependency breaks under strict installers such as pnpm; declaring it would
 * change the lockfile), and core's SHA-256 is node:crypto on Node. The tests check it against
 * RFC 4231, node:crypto's HMAC and @noble/hashes' `hmac` on random keys and messages.
 * @module
 */
import {
  canonicalize,
  concatBytes,
  sha256,
  toHex,
  utf8Encode,
  type JsonValue,
} from '@warrant/core';

// --- model -----------------------------------------------------------------

/** The string every masked or dropped value is replaced with where it must be replaced. */
export const REDACTION_MASK = '[REDACTED]';

/** Prefix of pseudonyms: `pseud:` followed by 32 lowercase hex digits (128 bits). */
export const PSEUDONYM_PREFIX = 'pseud:';

/** Domain separation tag of pseudonyms, followed by one 0x00 byte in the HMAC input. */
export const PSEUDONYM_DOMAIN = 'warrant.pseudonym/v1';

/** Required length of pseudonym and commitment keys, in bytes. */
export const REDACTION_KEY_BYTES = 32;

const PSEUDONYM_PATTERN = /^pseud:[0-9a-f]{32}$/;

// --- operations ------------------------------------------------------------

/**
 * HMAC-SHA256 (RFC 2104 with SHA-256; block size 64 bytes, keys longer than 64 bytes hashed).
 * @param key - the key
 * @param message - the message
 * @returns the 32-byte MAC
 * @see https://www.rfc-editor.org/rfc/rfc2104#section-2
 * @example
 * toHex(hmacSha256(utf8Encode('Jefe'), utf8Encode('what do ya want for nothing?')))
 * // '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843' (RFC 4231 case 2)
 */
export const hmacSha256 = (key: Uint8Array, message: Uint8Array): Uint8Array => {
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? sha256(key) : key);
  const inner = new Uint8Array(64);
  const outer = new Uint8Array(64);
  for (let i = 0; i < 64; i++) {
    inner[i] = (block[i] as number) ^ 0x36;
    outer[i] = (block[i] as number) ^ 0x5c;
  }
  return sha256(concatBytes(outer, sha256(concatBytes(inner, message))));
};

/**
 * The pseudonym of a JSON value under a key: `pseud:` + the first 16 bytes, in lowercase hex, of
 * HMAC-SHA256(key, UTF-8(`warrant.pseudonym/v1`) || 0x00 || UTF-8(RFC 8785 canonical JSON of the
 * value)). Equal values give equal pseudonyms under one key; a string and a number never collide.
 * @param key - the pack's pseudonym key, {@link REDACTION_KEY_BYTES} bytes
 * @param value - the original value (a decoded JSON value)
 * @returns the pseudonym
 * @throws RangeError if the key has the wrong length; TypeError if the value is not canonical JSON
 * @see docs/spec/redaction-v1.md section 6.2
 * @example
 * pseudonymize(key, 'alice@example.com') // 'pseud:3c1f…' (32 hex digits)
 */
export const pseudonymize = (key: Uint8Array, value: JsonValue): string => {
  assertKey(key, 'pseudonym key');
  const text = canonicalize(value);
  if (text._tag === 'Left') throw new TypeError(`pseudonymize: ${text.left.message}`);
  const mac = hmacSha256(
    key,
    concatBytes(utf8Encode(PSEUDONYM_DOMAIN), ZERO, utf8Encode(text.right)),
  );
  return PSEUDONYM_PREFIX + toHex(mac.subarray(0, 16));
};

/**
 * Whether a string already is a redaction output (the mask or a pseudonym): such values carry no
 * plaintext, so redacting them again leaves them as they are (section 6.3).
 * @param s - a string value
 * @returns true for {@link REDACTION_MASK} and `pseud:<32 hex>`
 * @example
 * isRedactionOutput('[REDACTED]') // true
 */
export const isRedactionOutput = (s: string): boolean =>
  s === REDACTION_MASK || PSEUDONYM_PATTERN.test(s);

/**
 * Tier-2 guard for keys.
 * @param key - candidate key
 * @param what - its role, for the message
 * @internal
 */
export const assertKey = (key: unknown, what: string): void => {
  if (!(key instanceof Uint8Array)) throw new TypeError(`${what}: expected a Uint8Array`);
  if (key.length !== REDACTION_KEY_BYTES) {
    throw new RangeError(`${what}: expected ${REDACTION_KEY_BYTES} bytes, got ${key.length}`);
  }
};

// --- internal --------------------------------------------------------------

const ZERO = new Uint8Array([0]);
