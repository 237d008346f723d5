/**
 * A one-pass check that a JSON Lines record, already accepted by `JSON.parse`, is in RFC 8785
 * canonical form: the fast path of log verification uses it instead of re-serializing the parsed
 * value with `JSON.stringify` and comparing, which cost more than the parse itself. It reads the
 * UTF-8 bytes (a typed-array scan is several times faster than `charCodeAt` over the string).
 *
 * It answers `true` only when the text is canonical beyond doubt, and `false` whenever it is not
 * or the check would need more work than it is worth (a member name with an escape or a non-ASCII
 * character, nesting deeper than a limit); the strict path then decides. Property tests check it
 * against `canonicalize(JSON.parse(text)) === text`.
 * @module
 */

/**
 * Whether `bytes[start, end)` (UTF-8 of a text `JSON.parse` accepts) is its own RFC 8785
 * canonical serialization, with every number one the strict parser accepts (no integer beyond
 * 2^53 - 1).
 * @param bytes - the buffer
 * @param start - offset of the first byte
 * @param end - offset just past the last byte
 * @param maxDepth - nesting beyond this many arrays/objects answers `false`
 * @param escapes - whether the text may hold a backslash; `false` (the caller checked) lets
 *   string bodies be skipped with a native search for the closing quote
 * @returns true when canonical (see the module notes for the cases answered `false`)
 * @see https://www.rfc-editor.org/rfc/rfc8785#section-3.2
 * @internal
 * @example
 * isCanonicalJsonBytes(utf8Encode('{"a":1,"b":[true,"x"]}'), 0, 22, 128, false) // true
 * isCanonicalJsonBytes(utf8Encode('{"b":1,"a":2}'), 0, 13, 128)          // false: members out of order
 */
export const isCanonicalJsonBytes = (
  bytes: Uint8Array,
  start: number,
  end: number,
  maxDepth: number,
  escapes = true,
): boolean => {
  // Per open object: [start, end) of the previous member name, -1 before the first.
  const keyStart: number[] = [];
  const keyEnd: number[] = [];
  // Per open container: whether it is an object (its next string is a member name).
  const isObject: boolean[] = [];
  let expectKey = false;
  for (let i = start; i < end;) {
    const c = bytes[i] as number;
    if (c === QUOTE) {
      const close =
        escapes || expectKey
          ? scanString(bytes, i + 1, end, expectKey)
          : bytes.indexOf(QUOTE, i + 1);
      if (close >= end) return false;
      if (close < 0) return false;
      if (expectKey) {
        // Section 3.2.3: names sorted by UTF-16 code units, strictly (no duplicates). Names are
        // ASCII here (scanString refused others), where byte order is code-unit order.
        const top = keyStart.length - 1;
        const ps = keyStart[top] as number;
        if (ps >= 0 && compareBytes(bytes, ps, keyEnd[top] as number, i + 1, close) >= 0) {
          return false;
        }
        keyStart[top] = i + 1;
        keyEnd[top] = close;
        expectKey = false;
      }
      i = close + 1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (isObject.length >= maxDepth) return false;
      const obj = c === OPEN_BRACE;
      isObject.push(obj);
      if (obj) {
        keyStart.push(-1);
        keyEnd.push(-1);
      }
      expectKey = obj;
      i++;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (isObject.pop() === true) {
        keyStart.pop();
        keyEnd.pop();
      }
      expectKey = false;
      i++;
    } else if (c === COMMA) {
      expectKey = isObject[isObject.length - 1] === true;
      i++;
    } else if (c === COLON) {
      i++;
    } else if (c === MINUS || (c >= ZERO && c <= NINE)) {
      let j = i + 1;
      let simple = true;
      for (; j < end; j++) {
        const d = bytes[j] as number;
        if (d >= ZERO && d <= NINE) continue;
        if (d === 0x2e || d === 0x65 || d === 0x45 || d === 0x2b || d === MINUS) simple = false;
        else break;
      }
      if (!isCanonicalNumber(bytes, i, j, simple)) return false;
      i = j;
    } else if (c === LOWER_T || c === LOWER_N) {
      i += 4; // true, null: JSON.parse accepted the text, so the letters are right
    } else if (c === LOWER_F) {
      i += 5; // false
    } else {
      return false; // insignificant whitespace, which canonical text never has
    }
  }
  return true;
};

// --- internal --------------------------------------------------------------

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;
const LOWER_T = 0x74;
const LOWER_F = 0x66;
const LOWER_N = 0x6e;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const LATIN1 = new TextDecoder('latin1');

const compareBytes = (b: Uint8Array, as: number, ae: number, bs: number, be: number): number => {
  const n = Math.min(ae - as, be - bs);
  for (let k = 0; k < n; k++) {
    const d = (b[as + k] as number) - (b[bs + k] as number);
    if (d !== 0) return d;
  }
  return ae - as - (be - bs);
};

/**
 * Section 3.2.2.3: numbers are serialized as ECMAScript's Number::toString (`-0` as `0`).
 * An integer token without leading zeros and at most 15 digits is its own serialization; any
 * other token is compared with `String(Number(token))`. Integers beyond 2^53 - 1 are refused by
 * the strict parser, so they are not canonical here either.
 */
function isCanonicalNumber(bytes: Uint8Array, i: number, j: number, simple: boolean): boolean {
  const digits0 = bytes[i] === MINUS ? i + 1 : i;
  const count = j - digits0;
  if (simple && count <= 15) {
    if (bytes[digits0] !== ZERO) return true;
    return count === 1 && digits0 === i; // "0" is canonical; "-0" and "01" are not
  }
  const token = LATIN1.decode(bytes.subarray(i, j));
  const x = Number(token);
  return String(x) === token && !(Number.isInteger(x) && Math.abs(x) > MAX_SAFE);
}

/**
 * Scans a string body from `i` (just after the opening quote) and returns the index of the
 * closing quote, or -1 when an escape is not the one section 3.2.2.2 prescribes (`\"`, `\\`,
 * `\b`, `\f`, `\n`, `\r`, `\t`, and `\u00xx` in lowercase hex for the other controls below 0x20;
 * everything else, `/` and DEL included, appears as itself), or when `ascii` is asked (member
 * names) and the body has an escape or a non-ASCII byte.
 */
function scanString(bytes: Uint8Array, i: number, end: number, ascii: boolean): number {
  while (i < end) {
    const c = bytes[i] as number;
    if (c === QUOTE) return i;
    if (c === BACKSLASH) {
      if (ascii) return -1;
      i = escapeEnd(bytes, i);
      if (i < 0) return -1;
    } else if (ascii && c >= 0x80) return -1;
    else i++;
  }
  return -1;
}

/** The index just past the escape at `at` (a backslash), or -1 when it is not canonical. */
function escapeEnd(bytes: Uint8Array, at: number): number {
  const e = bytes[at + 1];
  if (e === QUOTE || e === BACKSLASH || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72) {
    return at + 2;
  }
  if (e === 0x74) return at + 2;
  if (e !== 0x75) return -1;
  // \u00 then [01] then a lowercase hex digit, not one of the five with short forms.
  if (bytes[at + 2] !== ZERO || bytes[at + 3] !== ZERO) return -1;
  const hi = bytes[at + 4] as number;
  const lo = hexValue(bytes[at + 5] as number);
  if ((hi !== ZERO && hi !== ZERO + 1) || lo < 0) return -1;
  const code = (hi - ZERO) * 16 + lo;
  if (code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d) return -1;
  return at + 6;
}

const hexValue = (c: number): number =>
  c >= ZERO && c <= NINE ? c - ZERO : c >= 0x61 && c <= 0x66 ? c - 0x61 + 10 : -1;
