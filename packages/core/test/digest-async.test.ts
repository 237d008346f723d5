import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { Readable } from 'node:stream';
import {
  digestBytes,
  digestBytesAsync,
  digestStream,
  sha256,
  sha256Async,
  toHex,
  utf8Encode,
} from '@warrant/core';
import { sha256AsyncWith } from '../src/digest-async';

const streamOf = (chunks: ReadonlyArray<unknown>): ReadableStream<Uint8Array> =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(c as Uint8Array);
      controller.close();
    },
  });

async function* iterate(chunks: ReadonlyArray<Uint8Array>): AsyncGenerator<Uint8Array> {
  for (const c of chunks) yield c;
}

describe('sha256Async', () => {
  it('equals sha256 on both paths: in-thread and crypto.subtle', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (bytes) => {
        const expected = toHex(sha256(bytes));
        expect(toHex(await sha256Async(bytes))).toBe(expected);
        expect(toHex(await sha256AsyncWith(bytes, 0))).toBe(expected);
        expect(toHex(await sha256AsyncWith(bytes, Number.POSITIVE_INFINITY))).toBe(expected);
      }),
      { numRuns: 100 },
    );
  });
  it('falls back to the synchronous path when WebCrypto refuses the input', async () => {
    const shared = new Uint8Array(new SharedArrayBuffer(100)).fill(7);
    expect(toHex(await sha256AsyncWith(shared, 0))).toBe(toHex(sha256(shared.slice())));
  });
  it('gives content addresses', async () => {
    expect(await digestBytesAsync(utf8Encode('abc'))).toBe(digestBytes(utf8Encode('abc')));
  });
  it('throws TypeError synchronously for non-bytes', () => {
    expect(() => sha256Async('abc' as unknown as Uint8Array)).toThrow(TypeError);
  });
});

describe('digestStream', () => {
  const chunks = [
    utf8Encode('hello '),
    new Uint8Array(),
    utf8Encode('world'),
    new Uint8Array(70_000),
  ];
  const whole = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  chunks.reduce((o, c) => (whole.set(c, o), o + c.length), 0);

  it('digests a ReadableStream and reports progress after each chunk', async () => {
    const progress: number[] = [];
    const r = await digestStream(streamOf(chunks), { onProgress: (n) => progress.push(n) });
    expect(r).toEqual(E.right({ digest: digestBytes(whole), byteLength: whole.length }));
    expect(progress).toEqual([6, 6, 11, 70_011]);
  });
  it('digests an async iterable the same way', async () => {
    expect(await digestStream(iterate(chunks))).toEqual(
      E.right({ digest: digestBytes(whole), byteLength: whole.length }),
    );
  });
  it('digests a Node Readable of Buffers (an async iterable)', async () => {
    const readable = Readable.from([Buffer.from('hello '), Buffer.from('world')]);
    expect(await digestStream(readable)).toEqual(
      E.right({ digest: digestBytes(utf8Encode('hello world')), byteLength: 11 }),
    );
  });
  it('equals digestBytes for any chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ maxLength: 100 }), { maxLength: 10 }),
        async (cs) => {
          const all = new Uint8Array(cs.reduce((n, c) => n + c.length, 0));
          cs.reduce((o, c) => (all.set(c, o), o + c.length), 0);
          const r = await digestStream(streamOf(cs));
          return (
            E.isRight(r) && r.right.digest === digestBytes(all) && r.right.byteLength === all.length
          );
        },
      ),
      { numRuns: 50 },
    );
  });
  it('digests an empty stream', async () => {
    expect(await digestStream(streamOf([]))).toEqual(
      E.right({ digest: digestBytes(new Uint8Array()), byteLength: 0 }),
    );
  });
  it('refuses text chunks and cancels the source', async () => {
    let cancelled = false;
    const source = new ReadableStream<unknown>({
      pull(controller) {
        controller.enqueue('text');
      },
      cancel() {
        cancelled = true;
      },
    }) as ReadableStream<Uint8Array>;
    const r = await digestStream(source);
    expect(E.isLeft(r) && r.left.code).toBe('CORE_DIGEST_STREAM_CHUNK_INVALID');
    expect(cancelled).toBe(true);
    const it = await digestStream(iterate([utf8Encode('a'), 5 as unknown as Uint8Array]));
    expect(E.isLeft(it) && it.left.code).toBe('CORE_DIGEST_STREAM_CHUNK_INVALID');
  });
  it('reports a failing source as CORE_DIGEST_STREAM_FAILED, even one throwing odd values', async () => {
    const failing = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(utf8Encode('partial'));
        controller.error(new Error('connection reset'));
      },
    });
    const r = await digestStream(failing);
    expect(E.isLeft(r) && r.left).toMatchObject({ code: 'CORE_DIGEST_STREAM_FAILED' });
    expect(E.isLeft(r) && r.left.message).toContain('connection reset');
    async function* odd(): AsyncGenerator<Uint8Array> {
      yield utf8Encode('x');
      throw Object.create(null);
    }
    const o = await digestStream(odd());
    expect(E.isLeft(o) && o.left.code).toBe('CORE_DIGEST_STREAM_FAILED');
  });
  it('stops when the signal aborts, even while a read is pending', async () => {
    const controller = new AbortController();
    const never = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(utf8Encode('first'));
      },
    });
    let read = 0;
    // After the first chunk the source never answers: only cancelling can end the pending read.
    const pending = digestStream(never, {
      signal: controller.signal,
      onProgress: (n) => (read = n),
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(read).toBe(5);
    controller.abort();
    const r1 = await pending;
    expect(E.isLeft(r1) && r1.left.code).toBe('CORE_DIGEST_STREAM_ABORTED');
    const already = new AbortController();
    already.abort();
    const r = await digestStream(iterate(chunks), { signal: already.signal });
    expect(E.isLeft(r) && r.left.code).toBe('CORE_DIGEST_STREAM_ABORTED');
  });
  it('rejects with the callback error if onProgress throws, after cancelling the source', async () => {
    let cancelled = false;
    const source = new ReadableStream<Uint8Array>({
      pull(c) {
        c.enqueue(new Uint8Array(1));
      },
      cancel() {
        cancelled = true;
      },
    });
    await expect(
      digestStream(source, {
        onProgress: () => {
          throw new Error('ui bug');
        },
      }),
    ).rejects.toThrow('ui bug');
    expect(cancelled).toBe(true);
  });
  it('throws TypeError for a source that is neither a stream nor iterable', () => {
    expect(() => digestStream(utf8Encode('abc') as unknown as ReadableStream<Uint8Array>)).toThrow(
      TypeError,
    );
  });
});
