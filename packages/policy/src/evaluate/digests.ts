/**
 * Input digests of a verdict (docs/spec/verdict-v1.md section 5). Each input is a set, so its
 * digest must not depend on input order: the elements are put in a defined order and the
 * SHA-256 is taken over the RFC 8785 canonical JSON of the resulting array (streamed, so a
 * million findings never become one string).
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  canonicalize,
  compareCodeUnits,
  createSha256,
  digestFromRaw,
  utf8Encode,
  type Sha256Digest,
} from '@warrant/core';

// --- model ---------------------------------------------------------------

/** Elements canonicalized per call in `digestKeyedSet`. */
const CHUNK = 2048;

/** Bytes encoded before each hash update. */
const BUFFER = 1 << 20;

const ENCODER = new TextEncoder();

// --- operations ------------------------------------------------------------

/** Hashes the canonical JSON of an array one element text at a time (see {@link arrayHasher}). */
export interface ArrayHasher {
  /** Appends the canonical JSON text of the next element. */
  readonly add: (text: string) => void;
  /** Closes the array and returns `sha256:<hex>` of its bytes. */
  readonly digest: () => Sha256Digest;
}

/**
 * A hasher of the canonical JSON of an array whose elements are given as canonical texts, in
 * order: the bytes are `[`, the texts joined by `,`, and `]`, UTF-8 encoded (RFC 8785 section
 * 3.2.3 adds no whitespace). The texts are encoded into one 1 MiB buffer that is hashed each
 * time it fills, so no text is concatenated or copied into a new string.
 * @returns the hasher
 * @see docs/spec/verdict-v1.md section 5
 * @example
 * const h = arrayHasher(); h.add('1'); h.add('"a"'); h.digest() // digest of the bytes [1,"a"]
 */
export const arrayHasher = (): ArrayHasher => {
  const h = createSha256();
  const buf = new Uint8Array(BUFFER);
  buf[0] = 0x5b; // [
  let at = 1;
  let first = true;
  return {
    add: (text) => {
      // UTF-8 takes at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 for 2).
      const most = 3 * text.length + 1;
      if (BUFFER - at < most) {
        h.update(buf.subarray(0, at));
        at = 0;
      }
      if (!first) buf[at++] = 0x2c; // ,
      first = false;
      if (most > BUFFER - at) {
        h.update(buf.subarray(0, at));
        at = 0;
        h.update(utf8Encode(text));
        return;
      }
      at += ENCODER.encodeInto(text, buf.subarray(at)).written;
    },
    digest: () => {
      if (at === BUFFER) {
        h.update(buf);
        at = 0;
      }
      buf[at++] = 0x5d; // ]
      h.update(buf.subarray(0, at));
      return digestFromRaw(h.digest());
    },
  };
};

/**
 * SHA-256 of the canonical JSON of an array whose elements are given as canonical texts, in
 * the order given: the bytes are `[`, the texts joined by `,`, and `]`.
 * @param texts - canonical JSON texts of the elements, already in the defined order
 * @returns `sha256:<hex>`
 * @see docs/spec/verdict-v1.md section 5
 * @example
 * digestCanonicalArray(['1', '"a"']) // digest of the bytes [1,"a"]
 */
export const digestCanonicalArray = (texts: Iterable<string>): Sha256Digest => {
  const h = arrayHasher();
  for (const t of texts) h.add(t);
  return h.digest();
};

/**
 * Canonical JSON text of a value that must be JSON.
 * @param value - a JSON value
 * @returns its RFC 8785 text
 * @throws TypeError when it is not JSON (typed inputs always are)
 * @internal
 */
export const canonicalText = (value: unknown): string => {
  const c = canonicalize(value);
  if (E.isLeft(c)) throw new TypeError(`evaluation input is not JSON: ${c.left.message}`);
  return c.right;
};

/**
 * Digest of a set whose elements have a unique sort key (findings by key, histories by
 * exception id).
 * @param items - the elements
 * @param key - each element's unique key
 * @param value - the JSON value of an element that is hashed (default: the element)
 * @returns SHA-256 of the canonical array sorted by key
 * @see docs/spec/verdict-v1.md section 5
 * @example
 * digestKeyedSet(findings, (f) => f.key)
 */
export const digestKeyedSet = <T>(
  items: ReadonlyArray<T>,
  key: (x: T) => string,
  value: (x: T) => unknown = (x) => x,
): Sha256Digest => {
  const sorted = items.map((x) => ({ k: key(x), x })).sort((a, b) => compareCodeUnits(a.k, b.k));
  return digestCanonicalArray(
    (function* () {
      // The canonical text of an array is `[`, its elements' texts joined by `,`, and `]`
      // (RFC 8785 section 3.2.3 adds no whitespace), so the elements are canonicalized a chunk
      // at a time and the brackets dropped: one canonicalizer pass, and one member-order cache,
      // per CHUNK elements instead of per element.
      for (let i = 0; i < sorted.length; i += CHUNK) {
        const chunk: unknown[] = [];
        for (const s of sorted.slice(i, i + CHUNK)) chunk.push(value(s.x));
        yield canonicalText(chunk).slice(1, -1);
      }
    })(),
  );
};

/**
 * Digest of a multiset without a natural key: the elements sorted by their canonical text.
 * @param items - the elements
 * @returns SHA-256 of the canonical array sorted by element text (duplicates kept)
 * @see docs/spec/verdict-v1.md section 5
 * @example
 * digestTextSet(statements)
 */
export const digestTextSet = (items: ReadonlyArray<unknown>): Sha256Digest =>
  digestCanonicalArray(items.map(canonicalText).sort(compareCodeUnits));
