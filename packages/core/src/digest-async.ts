/**
 * Asynchronous SHA-256: WebCrypto for large in-memory inputs where it is the faster path, and
 * digests of streams with constant memory, progress and cancellation.
 *
 * Which function to use:
 * - `sha256` / `digestBytes` (digest.ts, synchronous): small inputs anywhere, and every input on
 *   Node, where node:crypto in-thread is the fastest path at every size.
 * - `sha256Async` / `digestBytesAsync`: a large buffer already in memory in a browser. From 16 KiB
 *   it goes to `crypto.subtle.digest` (native code, off the main thread), which is several times
 *   faster than portable JavaScript there. Where `crypto.subtle` is absent (pages served over
 *   plain http, some embedded runtimes) or refuses the input (views of a SharedArrayBuffer), it
 *   falls back to the synchronous path, so the result is always the same digest.
 * - `digestStream`: data that arrives in chunks (a `fetch` body, `File.stream()`, a Node
 *   `Readable`): never holds more than one chunk, reports progress, can be aborted.
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import * as platform from '#platform/sha256';
import { assertBytes, digestFromRaw, isBytes, type Sha256Digest } from './digest';
import { makeError, type WarrantError } from './errors';

// --- model -----------------------------------------------------------------

/** Chunks of bytes: a web `ReadableStream` or any async iterable (Node `Readable`, generators). */
export type ByteSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/** Options of {@link digestStream}. */
export interface DigestStreamOptions {
  /** Called after each chunk with the total number of bytes hashed so far. */
  readonly onProgress?: (bytesRead: number) => void;
  /** Stops reading (and cancels a ReadableStream) when aborted. */
  readonly signal?: AbortSignal;
}

/** What {@link digestStream} hashed. */
export interface StreamDigest {
  /** `sha256:<hex>` of every byte the source produced, in order. */
  readonly digest: Sha256Digest;
  /** How many bytes that was. */
  readonly byteLength: number;
}

/** Why a stream could not be digested. */
export type DigestStreamError = WarrantError<
  'CORE_DIGEST_STREAM_FAILED' | 'CORE_DIGEST_STREAM_CHUNK_INVALID' | 'CORE_DIGEST_STREAM_ABORTED'
>;

// --- operations ------------------------------------------------------------

/**
 * SHA-256 of an in-memory buffer, using WebCrypto where that is faster (large inputs in browsers).
 * @param bytes - the input
 * @returns a promise of the same 32 bytes {@link sha256} returns; it never rejects for a Uint8Array
 * @throws TypeError (synchronously) if `bytes` is not a Uint8Array
 * @see https://www.w3.org/TR/WebCryptoAPI/#SubtleCrypto-method-digest
 * @example
 * toHex(await sha256Async(file)) === toHex(sha256(file)) // true, on every platform
 */
export const sha256Async = (bytes: Uint8Array): Promise<Uint8Array> =>
  sha256AsyncWith(bytes, platform.subtleThreshold);

/**
 * The content address of an in-memory buffer, using WebCrypto where that is faster.
 * @param bytes - the input
 * @returns a promise of `sha256:<hex>`, the same value {@link digestBytes} returns
 * @throws TypeError (synchronously) if `bytes` is not a Uint8Array
 * @example
 * await digestBytesAsync(utf8Encode('abc')) // 'sha256:ba7816bf…15ad'
 */
export const digestBytesAsync = (bytes: Uint8Array): Promise<Sha256Digest> =>
  sha256Async(bytes).then(digestFromRaw);

/**
 * The content address of everything a stream produces, without holding more than one chunk.
 * @param source - a `ReadableStream<Uint8Array>` or an `AsyncIterable<Uint8Array>`
 * @param options - `onProgress(bytesRead)` after each chunk; `signal` to abort
 * @returns the digest and byte count, or `CORE_DIGEST_STREAM_FAILED` (the source errored),
 *   `CORE_DIGEST_STREAM_CHUNK_INVALID` (a chunk was not a Uint8Array; the source is cancelled) or
 *   `CORE_DIGEST_STREAM_ABORTED` (the signal fired; the source is cancelled)
 * @throws TypeError (synchronously) if `source` is neither a ReadableStream nor async iterable;
 *   an exception thrown by `onProgress` rejects the promise after the source is cancelled
 * @example
 * const r = await digestStream((await fetch(url)).body!, { onProgress: (n) => bar.set(n) });
 * if (E.isRight(r)) console.log(r.right.digest, r.right.byteLength);
 */
export const digestStream = (
  source: ByteSource,
  options: DigestStreamOptions = {},
): Promise<E.Either<DigestStreamError, StreamDigest>> => {
  if (isReadableStream(source)) return digestReader(source.getReader(), options);
  if (isAsyncIterable(source)) return digestIterator(source[Symbol.asyncIterator](), options);
  throw new TypeError('digestStream: expected a ReadableStream or an AsyncIterable of Uint8Array');
};

// --- internal --------------------------------------------------------------

/**
 * {@link sha256Async} with an explicit threshold, so tests reach the WebCrypto path on Node.
 * @internal
 */
export const sha256AsyncWith = (
  bytes: Uint8Array,
  subtleThreshold: number,
): Promise<Uint8Array> => {
  assertBytes(bytes, 'sha256Async input'); // before any await, so misuse throws synchronously
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined || bytes.length < subtleThreshold) {
    return Promise.resolve(platform.sha256(bytes));
  }
  // A view of a SharedArrayBuffer is typed out here and refused at run time: same digest, other path.
  return subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>).then(
    (digest) => new Uint8Array(digest),
    () => platform.sha256(bytes),
  );
};

interface Counter {
  readonly hasher: ReturnType<typeof platform.createSha256>;
  byteLength: number;
}

type Step = E.Either<DigestStreamError, 'more' | 'done'>;

const digestReader = async (
  reader: ReadableStreamDefaultReader<Uint8Array>,
  options: DigestStreamOptions,
): Promise<E.Either<DigestStreamError, StreamDigest>> => {
  const state: Counter = { hasher: platform.createSha256(), byteLength: 0 };
  const { signal } = options;
  // Cancelling resolves a pending read() with done, so an abort does not wait for the next chunk.
  const onAbort = (): void => void reader.cancel(signal?.reason).catch(ignore);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      if (isAborted(signal)) return aborted(reader.cancel(signal?.reason));
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        return E.left(failed(error));
      }
      if (isAborted(signal)) return aborted(reader.cancel(signal?.reason));
      const step = consume(chunk.done === true ? undefined : chunk, state, options);
      if (E.isLeft(step)) {
        await reader.cancel().catch(ignore);
        return step;
      }
      if (step.right === 'done') return E.right(finish(state));
    }
  } catch (error) {
    await reader.cancel().catch(ignore);
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    reader.releaseLock();
  }
};

const digestIterator = async (
  iterator: AsyncIterator<Uint8Array>,
  options: DigestStreamOptions,
): Promise<E.Either<DigestStreamError, StreamDigest>> => {
  const state: Counter = { hasher: platform.createSha256(), byteLength: 0 };
  const close = async (): Promise<void> => {
    await iterator.return?.().catch(ignore);
  };
  for (;;) {
    if (isAborted(options.signal)) return aborted(close());
    let next: IteratorResult<Uint8Array>;
    try {
      next = await iterator.next();
    } catch (error) {
      return E.left(failed(error));
    }
    let step: Step;
    try {
      step = consume(next.done === true ? undefined : next, state, options);
    } catch (error) {
      await close();
      throw error;
    }
    if (E.isLeft(step)) {
      await close();
      return step;
    }
    if (step.right === 'done') return E.right(finish(state));
  }
};

/** Hashes one chunk (or finishes on `undefined`); calls onProgress, which may throw. */
const consume = (
  next: { readonly value: unknown } | undefined,
  state: Counter,
  options: DigestStreamOptions,
): Step => {
  if (next === undefined) return E.right('done');
  const chunk = next.value;
  if (!isBytes(chunk)) {
    return E.left(
      makeError(
        'CORE_DIGEST_STREAM_CHUNK_INVALID',
        `chunk after byte ${state.byteLength} is not a Uint8Array (${typeof chunk}); streams must yield bytes, not text`,
      ),
    );
  }
  state.hasher.update(chunk);
  state.byteLength += chunk.length;
  options.onProgress?.(state.byteLength);
  return E.right('more');
};

const finish = (state: Counter): StreamDigest => ({
  digest: digestFromRaw(state.hasher.digest()),
  byteLength: state.byteLength,
});

const aborted = async (
  cancelled: Promise<unknown>,
): Promise<E.Either<DigestStreamError, StreamDigest>> => {
  await cancelled.catch(ignore);
  return E.left(makeError('CORE_DIGEST_STREAM_ABORTED', 'reading was aborted by the caller'));
};

const failed = (error: unknown): DigestStreamError =>
  makeError('CORE_DIGEST_STREAM_FAILED', `the source failed: ${describeError(error)}`);

// Hostile sources can throw anything, including values whose toString throws.
const describeError = (error: unknown): string => {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'an unprintable value';
  }
};

const ignore = (): void => undefined;

// A function, so TypeScript does not narrow `aborted` across awaits.
const isAborted = (signal: AbortSignal | undefined): boolean => signal?.aborted === true;

const isReadableStream = (x: unknown): x is ReadableStream<Uint8Array> =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as { getReader?: unknown }).getReader === 'function';

const isAsyncIterable = (x: unknown): x is AsyncIterable<Uint8Array> =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';
