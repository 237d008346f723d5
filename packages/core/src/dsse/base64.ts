/**
 * Base64 (RFC 4648) for DSSE envelopes, on web-standard types only (no Buffer, no atob).
 *
 * Encoding always emits the standard alphabet with padding (RFC 4648 section 4). Decoding accepts
 * the standard alphabet (section 4) or the URL-safe one (section 5), as DSSE requires of
 * verifiers, and is otherwise strict: padding is required, both alphabets may not be mixed in one
 * string, nothing but alphabet characters and trailing `=` may appear (no whitespace or line
 * breaks), and the unused bits of the last character must be zero (section 3.5). Every byte string
 * therefore has exactly one accepted spelling per alphabet.
 * @module
 */

const STANDARD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

// Character code -> 6-bit value, or a negative marker: -1 not in any alphabet, -2 '=' padding.
// Values 62/63 are tagged with the alphabet they come from so mixing can be detected.
const NOT_BASE64 = -1;
const PAD = -2;
const TABLE = new Int16Array(128).fill(NOT_BASE64);
for (let i = 0; i < 64; i++) TABLE[STANDARD.charCodeAt(i)] = i;
TABLE['-'.charCodeAt(0)] = 62;
TABLE['_'.charCodeAt(0)] = 63;
TABLE['='.charCodeAt(0)] = PAD;
const STANDARD_ONLY = new Set(['+'.charCodeAt(0), '/'.charCodeAt(0)]);
const URL_SAFE_ONLY = new Set(['-'.charCodeAt(0), '_'.charCodeAt(0)]);

/**
 * Encodes bytes as standard, padded base64 (RFC 4648 section 4).
 * @param bytes - any bytes
 * @returns the base64 text; the empty string for no bytes
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-4
 * @example
 * encodeBase64(new TextEncoder().encode('hello world')) // 'aGVsbG8gd29ybGQ='
 */
export const encodeBase64 = (bytes: Uint8Array): string => {
  let out = '';
  const full = bytes.length - (bytes.length % 3);
  for (let i = 0; i < full; i += 3) {
    const n =
      ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out +=
      STANDARD[n >>> 18]! +
      STANDARD[(n >>> 12) & 63]! +
      STANDARD[(n >>> 6) & 63]! +
      STANDARD[n & 63]!;
  }
  const rest = bytes.length - full;
  if (rest === 1) {
    const n = (bytes[full] as number) << 16;
    out += `${STANDARD[n >>> 18]!}${STANDARD[(n >>> 12) & 63]!}==`;
  } else if (rest === 2) {
    const n = ((bytes[full] as number) << 16) | ((bytes[full + 1] as number) << 8);
    out += `${STANDARD[n >>> 18]!}${STANDARD[(n >>> 12) & 63]!}${STANDARD[(n >>> 6) & 63]!}=`;
  }
  return out;
};

/**
 * Decodes standard or URL-safe base64 strictly (see the module notes for the exact rules).
 * @param text - padded base64 in one alphabet
 * @returns the bytes, or `undefined` when the text breaks any rule
 * @see https://www.rfc-editor.org/rfc/rfc4648#section-3.5
 * @example
 * decodeBase64('-_-_Pj8=') // Uint8Array [251, 255, 191, 62, 63]
 * decodeBase64('+_8=')     // undefined (alphabets mixed)
 */
export const decodeBase64 = (text: string): Uint8Array | undefined => {
  if (text.length % 4 !== 0) return undefined;
  let padding = 0;
  if (text.endsWith('==')) padding = 2;
  else if (text.endsWith('=')) padding = 1;
  const dataLength = text.length - padding;
  let sawStandard = false;
  let sawUrlSafe = false;
  const values = new Uint8Array(dataLength);
  for (let i = 0; i < dataLength; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? (TABLE[code] as number) : NOT_BASE64;
    if (v < 0) return undefined; // outside the alphabet, or '=' before the end
    if (STANDARD_ONLY.has(code)) sawStandard = true;
    else if (URL_SAFE_ONLY.has(code)) sawUrlSafe = true;
    values[i] = v;
  }
  if (sawStandard && sawUrlSafe) return undefined;
  // RFC 4648 section 3.5: the bits the padding leaves unused must be zero (canonical encoding).
  if (padding === 2 && ((values[dataLength - 1] as number) & 0x0f) !== 0) return undefined;
  if (padding === 1 && ((values[dataLength - 1] as number) & 0x03) !== 0) return undefined;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < dataLength; i += 4) {
    const a = values[i] as number;
    const b = values[i + 1] as number;
    const c = values[i + 2] ?? 0;
    const d = values[i + 3] ?? 0;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >>> 16;
    if (o < out.length) out[o++] = (n >>> 8) & 0xff;
    if (o < out.length) out[o++] = n & 0xff;
  }
  return out;
};

/**
 * Encodes bytes as unpadded base64url (RFC 4648 section 5), the form JWK members use (RFC 7518).
 * @internal
 */
export const encodeBase64Url = (bytes: Uint8Array): string =>
  encodeBase64(bytes).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

/**
 * Decodes unpadded base64url as JWK members carry it (RFC 7515 section 2: no padding allowed).
 * @internal
 */
export const decodeBase64Url = (text: string): Uint8Array | undefined => {
  if (/[=+/]/.test(text) || text.length % 4 === 1) return undefined;
  return decodeBase64(text + '='.repeat((4 - (text.length % 4)) % 4));
};
