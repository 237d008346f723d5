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

// --- model ---------------------------------------------------------------

/** Elements canonicalized per call in `digestKeyedSet`. */
const CHUNK = 2048;

/** Bytes encoded before each hash update. */
const BUFFER = 1 << 20;

const ENCODER = new TextEncoder();

// --- operations ------------------------------------------------------------

/**
 * A byte buffer that hands its content to `drain` each time it fills, so long outputs are
 * written without one large string or array. `drain` must consume the bytes before it returns
 * (the buffer is reused).
 * @internal
 */
export class ByteSink {
  readonly buf: Uint8Array;
  /** Bytes buffered so far. */
  at = 0;
  constructor(
    private readonly drain: (bytes: Uint8Array) => void,
    size = BUFFER,
  ) {
    this.buf = new Uint8Array(size);
  }

  /** Makes room for `n` more bytes (at most the buffer size), draining what is buffered. */
  room(n: number): void {
    if (this.buf.length - this.at < n) this.end();
  }

  /** Writes bytes (a loop beats `set` for the few bytes of a label). */
  bytes(b: Uint8Array): void {
    const n = b.length;
    if (n > this.buf.length) {
      this.end();
      this.drain(b);
      return;
    }
    this.room(n);
    const buf = this.buf;
    const at = this.at;
    for (let i = 0; i < n; i++) buf[at + i] = b[i] as number;
    this.at = at + n;
  }

  /** Writes a text as UTF-8. */
  text(s: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 for 2).
    const most = 3 * s.length;
    if (most > this.buf.length) {
      this.end();
      this.drain(ENCODER.encode(s));
      return;
    }
    this.room(most);
    this.at += ENCODER.encodeInto(s, this.buf.subarray(this.at)).written;
  }

  /** Drains what is buffered. */
  end(): void {
    if (this.at > 0) this.drain(this.buf.subarray(0, this.at));
    this.at = 0;
  }
}

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
