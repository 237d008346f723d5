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

// --- operations ------------------------------------------------------------

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
  const h = createSha256();
  let first = true;
  // Chunks of about 1 MiB keep the number of hash calls low without building one huge string.
  let chunk = '[';
  for (const t of texts) {
    chunk += first ? t : `,${t}`;
    first = false;
    if (chunk.length > 1 << 20) {
      h.update(utf8Encode(chunk));
      chunk = '';
    }
  }
  h.update(utf8Encode(`${chunk}]`));
  return digestFromRaw(h.digest());
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
