/**
 * Byte helpers on web-standard types only (no Buffer): hex, UTF-8, concatenation, comparison.
 * @module
 */

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * Lowercase hex of some bytes.
 * @param bytes - any bytes
 * @returns lowercase hex, two characters per byte
 * @example
 * toHex(new Uint8Array([0, 255])) // '00ff'
 */
export const toHex = (bytes: Uint8Array): string => {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i] as number];
  return out;
};

/**
 * Parses hex (either case) into bytes; `undefined` when the text is not even-length hex.
 * @param hex - hex text
 * @returns the bytes, or `undefined` for malformed input
 * @example
 * fromHex('00ff') // Uint8Array [0, 255]
 */
export const fromHex = (hex: string): Uint8Array | undefined => {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
};

const ENCODER = new TextEncoder();
const DECODER = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * UTF-8 encodes a string.
 * @param text - any string (lone surrogates become U+FFFD, as TextEncoder does)
 * @returns the UTF-8 bytes
 * @example
 * utf8Encode('€') // Uint8Array [226, 130, 172]
 */
export const utf8Encode = (text: string): Uint8Array => ENCODER.encode(text);

/**
 * Strict UTF-8 decode: `undefined` for malformed input instead of U+FFFD substitution.
 * A leading BOM is kept (as U+FEFF) so callers can reject it.
 * @param bytes - UTF-8 bytes
 * @returns the text, or `undefined` if the bytes are not well-formed UTF-8
 * @example
 * utf8Decode(new Uint8Array([0xff])) // undefined
 */
export const utf8Decode = (bytes: Uint8Array): string | undefined => {
  try {
    return DECODER.decode(bytes);
  } catch {
    return undefined;
  }
};

/**
 * Concatenates byte arrays.
 * @param parts - the arrays, in order
 * @returns one new array
 * @example
 * concatBytes(new Uint8Array([1]), new Uint8Array([2])) // Uint8Array [1, 2]
 */
export const concatBytes = (...parts: ReadonlyArray<Uint8Array>): Uint8Array => {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
};

/**
 * Byte-wise equality (not constant-time; digests compared here are public values).
 * @param a - first array
 * @param b - second array
 * @returns whether both hold the same bytes
 * @example
 * bytesEqual(new Uint8Array([1]), new Uint8Array([1])) // true
 */
export const bytesEqual = (a: Uint8Array, b: Uint8Array): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};
