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
  type Sha256Digest,
} from '@warrant/core';
import { ByteSink } from './byte-sink';

// --- operations ------------------------------------------------------------

/** Hashes the canonical JSON of an array one element at a time (see {@link arrayHasher}). */
export interface ArrayHasher {
  /** Appends the canonical JSON text of the next element. */
  readonly add: (text: string) => void;
  /** Starts the next element, whose bytes the caller then writes into `sink`. */
  readonly next: () => ByteSink;
  /** Closes the array and returns `sha256:<hex>` of its bytes. */
  readonly digest: () => Sha256Digest;
}

/**
 * A hasher of the canonical JSON of an array whose elements are given in order, as canonical
 * texts or written as bytes: the bytes are `[`, the elements joined by `,`, and `]`, UTF-8
 * encoded (RFC 8785 section 3.2.3 adds no whitespace). Everything goes through one 1 MiB buffer
 * that is hashed each time it fills, so no text is concatenated or copied into a new string.
 * @returns the hasher
 * @see docs/spec/verdict-v1.md section 5
 * @example
 * const h = arrayHasher(); h.add('1'); h.add('"a"'); h.digest() // digest of the bytes [1,"a"]
 */
export const arrayHasher = (): ArrayHasher => {
  const h = createSha256();
  const sink = new ByteSink((bytes) => {
    h.update(bytes);
  });
  let first = true;
  const next = (): ByteSink => {
    sink.room(1);
    sink.buf[sink.at++] = first ? 0x5b : 0x2c; // [ or ,
    first = false;
    return sink;
  };
  return {
    add: (text) => next().text(text),
    next,
    digest: () => {
      if (first) next();
      sink.room(1);
      sink.buf[sink.at++] = 0x5d; // ]
      sink.end();
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
 * Digest of a multiset without a natural key: the elements sorted by their canonical text.
 * @param items - the elements
 * @returns SHA-256 of the canonical array sorted by element text (duplicates kept)
 * @see docs/spec/verdict-v1.md section 5
 * @example
 * digestTextSet(statements)
 */
export const digestTextSet = (items: ReadonlyArray<unknown>): Sha256Digest =>
  digestCanonicalArray(items.map(canonicalText).sort(compareCodeUnits));
