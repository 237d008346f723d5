/**
 * The fast path of JSON Lines verification. It accepts a line only when the line is, beyond
 * doubt, the RFC 8785 canonical text of a well-formed `warrant.event/v1` record that belongs at
 * this position (right log, right `seq`, linked to the previous hash, hash intact), using the
 * engine's native `JSON.parse` instead of the strict parser, the io-ts codec and
 * the canonicalizer. Anything else goes to the strict path, which decides and explains.
 *
 * Soundness (checked by property tests against the strict path): if `text` is the canonical
 * serialization of `JSON.parse(text)` (checked in one pass over the bytes by `isCanonicalJsonBytes`: keys
 * strictly ascending, no whitespace, canonical escapes and numbers, no lone-surrogate escape, no
 * integer beyond 2^53-1), then the strict parser returns the
 * same value, and removing the `hash` member from the text yields exactly the canonical bytes
 * the hash is defined over.
 * @module
 */
import * as platform from '#platform/sha256';
import { EVENT_SCHEMA } from './chain';
import { isCanonicalJsonBytes } from './canonical-text';

/** What the next record must look like to pass the fast path. */
export interface FastExpectation {
  readonly logId: string;
  readonly seq: number;
  readonly prevHash: string | undefined;
}

/**
 * Reads one line on the fast path.
 * @param text - the decoded line (no line feed)
 * @param bytes - the buffer holding the line's UTF-8 bytes
 * @param start - offset of the line's first byte in `bytes`
 * @param end - offset just past the line's last byte
 * @param expect - the log id, seq and previous hash the record must have
 * @returns the parsed record when it is canonical, well-formed, intact and linked; otherwise
 *   `undefined` (the strict path must decide)
 * @internal
 */
export const readFastLine = (
  text: string,
  bytes: Uint8Array,
  start: number,
  end: number,
  expect: FastExpectation,
): Record<string, unknown> | undefined => {
  if (end - start > MAX_FAST_LINE) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isPlainObject(v)) return undefined;
  const keys = Object.keys(v);
  if (keys.length !== KEYS.length) return undefined;
  for (let i = 0; i < KEYS.length; i++) if (keys[i] !== KEYS[i]) return undefined;
  const actor = v.actor;
  if (!isPlainObject(actor)) return undefined;
  const ak = Object.keys(actor);
  const hash = v.hash;
  if (
    ak.length !== 2 ||
    ak[0] !== 'id' ||
    ak[1] !== 'kind' ||
    typeof actor.id !== 'string' ||
    (actor.kind !== 'human' && actor.kind !== 'service') ||
    v.schema !== EVENT_SCHEMA ||
    v.log_id !== expect.logId ||
    v.seq !== expect.seq ||
    v.prev_hash !== expect.prevHash ||
    typeof hash !== 'string' ||
    hash.length !== 71 ||
    !hash.startsWith('sha256:') ||
    typeof v.reason !== 'string' ||
    typeof v.subject !== 'string' ||
    typeof v.type !== 'string' ||
    !isTimestamp(v.time) ||
    !isPlainObject(v.payload) ||
    !isCanonicalJsonBytes(bytes, start, end, MAX_FAST_DEPTH, text.includes('\\'))
  ) {
    return undefined;
  }
  // Canonical text, sorted keys and `actor` (exactly {id, kind}) first: the first `,"hash":"` is
  // the top-level member (an unescaped quote cannot occur inside a string). When the line is
  // ASCII its character and byte offsets coincide; otherwise search the bytes.
  const charAt = text.indexOf(',"hash":"');
  const at = text.length === end - start ? start + charAt : indexOfHashMember(bytes, start, end);
  if (charAt < 0 || at < 0) return undefined;
  const n = end - start - HASH_MEMBER_LENGTH;
  if (scratch.length < n) scratch = new Uint8Array(Math.max(n, scratch.length * 2));
  scratch.set(bytes.subarray(start, at), 0);
  scratch.set(bytes.subarray(at + HASH_MEMBER_LENGTH, end), at - start);
  platform.sha256Into(scratch.subarray(0, n), digest, 0);
  return hexEquals(digest, hash, 7) ? v : undefined;
};

/**
 * Whether `s` is a valid {@link Timestamp} (same rule as the codec, without allocating a Date).
 * @internal
 */
export const isTimestamp = (s: unknown): boolean => {
  if (typeof s !== 'string') return false;
  const n = s.length;
  if (n === 24) {
    if (s.charCodeAt(19) !== 0x2e || s.charCodeAt(23) !== 0x5a) return false;
    if (!digits(s, 20, 23)) return false;
  } else if (n !== 20 || s.charCodeAt(19) !== 0x5a) return false;
  if (
    s.charCodeAt(4) !== 0x2d ||
    s.charCodeAt(7) !== 0x2d ||
    s.charCodeAt(10) !== 0x54 ||
    s.charCodeAt(13) !== 0x3a ||
    s.charCodeAt(16) !== 0x3a ||
    !digits(s, 0, 4) ||
    !digits(s, 5, 7) ||
    !digits(s, 8, 10) ||
    !digits(s, 11, 13) ||
    !digits(s, 14, 16) ||
    !digits(s, 17, 19)
  ) {
    return false;
  }
  const y = num(s, 0, 4);
  const mo = num(s, 5, 7);
  const d = num(s, 8, 10);
  if (mo < 1 || mo > 12 || d < 1 || num(s, 11, 13) > 23 || num(s, 14, 16) > 59) return false;
  if (num(s, 17, 19) > 59) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (mo === 2 ? (leap ? 29 : 28) : (DAYS_IN_MONTH[mo] as number));
};

// --- internal --------------------------------------------------------------

// At most the strict parser's limits (64 MiB, depth 1000; docs/spec/canonical-json.md section
// 2.3), so the strict path decides near them.
const MAX_FAST_LINE = 64 * 1024 * 1024;
const MAX_FAST_DEPTH = 128;
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
// RFC 8785 section 3.2.3 member order of a stored event.
const KEYS = [
  'actor',
  'hash',
  'log_id',
  'payload',
  'prev_hash',
  'reason',
  'schema',
  'seq',
  'subject',
  'time',
  'type',
] as const;
// ,"hash":"sha256:<64 hex>"
const HASH_PATTERN = [0x2c, 0x22, 0x68, 0x61, 0x73, 0x68, 0x22, 0x3a, 0x22];
const HASH_MEMBER_LENGTH = HASH_PATTERN.length + 7 + 64 + 1;
let scratch = new Uint8Array(4096);
const digest = new Uint8Array(32);

const HEX_CODES = new TextEncoder().encode('0123456789abcdef');

// Whether `hex` holds the lowercase hex of `bytes` from `offset` (no string is built).
const hexEquals = (bytes: Uint8Array, hex: string, offset: number): boolean => {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (
      hex.charCodeAt(offset + 2 * i) !== HEX_CODES[b >> 4] ||
      hex.charCodeAt(offset + 2 * i + 1) !== HEX_CODES[b & 15]
    ) {
      return false;
    }
  }
  return true;
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const digits = (s: string, from: number, to: number): boolean => {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
};

const num = (s: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 0x30);
  return n;
};

const indexOfHashMember = (bytes: Uint8Array, start: number, end: number): number => {
  const last = end - HASH_MEMBER_LENGTH;
  outer: for (let i = start + 9; i <= last; i++) {
    for (let j = 0; j < HASH_PATTERN.length; j++) {
      if (bytes[i + j] !== HASH_PATTERN[j]) continue outer;
    }
    return i;
  }
  return -1;
};
