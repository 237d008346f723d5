import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { toHex, utf8Encode } from '@warrant/core';
import { createArchiveWriter, readArchive, writeArchive, writeArchiveStream } from '@warrant/pack';

const codeOf = (r: E.Either<{ code: string }, unknown>) => (E.isLeft(r) ? r.left.code : 'OK');

describe('createArchiveWriter', () => {
  it('writes what writeArchive writes for the same sorted entries', () => {
    const out: Uint8Array[] = [];
    const w = createArchiveWriter((c) => out.push(c));
    expect(codeOf(w.begin('a.txt', 2))).toBe('OK');
    expect(codeOf(w.write(utf8Encode('h')))).toBe('OK');
    expect(codeOf(w.write(utf8Encode('i')))).toBe('OK');
    expect(codeOf(w.begin('b/empty', 0))).toBe('OK');
    const done = w.finish();
    expect(E.isRight(done) && done.right).toEqual({
      entryCount: 2,
      tarBytes: 2560,
      gzipBytes: Buffer.concat(out).length,
    });
    const whole = writeArchive([
      { path: 'b/empty', bytes: new Uint8Array(0) },
      { path: 'a.txt', bytes: utf8Encode('hi') },
    ]);
    expect(E.isRight(whole) && toHex(whole.right)).toBe(toHex(Buffer.concat(out)));
  });

  it('refuses content shorter or longer than declared', () => {
    const short = createArchiveWriter(() => undefined);
    short.begin('a', 3);
    short.write(utf8Encode('ab'));
    expect(codeOf(short.begin('b', 0))).toBe('PACK_ARCHIVE_SIZE_MISMATCH');
    const shortEnd = createArchiveWriter(() => undefined);
    shortEnd.begin('a', 3);
    const r = shortEnd.finish();
    expect(E.isLeft(r) && [r.left.code, r.left.path]).toEqual(['PACK_ARCHIVE_SIZE_MISMATCH', 'a']);
    const long = createArchiveWriter(() => undefined);
    long.begin('a', 1);
    expect(codeOf(long.write(utf8Encode('ab')))).toBe('PACK_ARCHIVE_SIZE_MISMATCH');
  });

  it('enforces order, uniqueness, the conflict rule and the ustar size limit', () => {
    const cases: [string, number, string, string][] = [
      ['b', 0, 'a', 'PACK_ARCHIVE_UNSORTED'],
      ['a', 0, 'a', 'PACK_ARCHIVE_DUPLICATE_ENTRY'],
      ['a', 0, 'a/b', 'PACK_ARCHIVE_PATH_CONFLICT'],
      ['a', 0, '../b', 'PACK_ARCHIVE_PATH_TRAVERSAL'],
    ];
    for (const [first, size, second, code] of cases) {
      const w = createArchiveWriter(() => undefined);
      w.begin(first, size);
      expect(codeOf(w.begin(second, 0))).toBe(code);
    }
    const big = createArchiveWriter(() => undefined);
    expect(codeOf(big.begin('huge', 2 ** 33))).toBe('PACK_ARCHIVE_ENTRY_TOO_LARGE');
  });

  it('stays failed after an error (never half-succeeds)', () => {
    const w = createArchiveWriter(() => undefined);
    w.begin('b', 0);
    w.begin('a', 0);
    expect(codeOf(w.begin('c', 0))).toBe('PACK_ARCHIVE_UNSORTED');
    expect(codeOf(w.finish())).toBe('PACK_ARCHIVE_UNSORTED');
  });

  it('throws for programming errors', () => {
    const w = createArchiveWriter(() => undefined);
    expect(() => w.begin('a', -1)).toThrow(RangeError);
    expect(() => w.begin('a', 1.5)).toThrow(RangeError);
    expect(() => w.write(new Uint8Array(1))).toThrow(TypeError);
    w.finish();
    expect(() => w.begin('b', 0)).toThrow(TypeError);
  });
});

describe('writeArchive and writeArchiveStream', () => {
  const entries = [
    // Pseudo-random bytes: a short repeating pattern would compress past the default ratio limit.
    {
      path: 'z/large.bin',
      bytes: Uint8Array.from({ length: 3_000_000 }, (_, i) => (i * 2654435761) >>> 24),
    },
    { path: 'a.json', bytes: utf8Encode('{"a":1}') },
  ];

  it('stream with async iterable contents and an awaited sink equals the in-memory bytes', async () => {
    const out: Uint8Array[] = [];
    async function* chunks(bytes: Uint8Array) {
      for (let i = 0; i < bytes.length; i += 100_003) yield bytes.slice(i, i + 100_003);
    }
    const r = await writeArchiveStream(
      entries.map((e) => ({ path: e.path, size: e.bytes.length, content: () => chunks(e.bytes) })),
      async (c) => {
        await Promise.resolve();
        out.push(c);
      },
    );
    const whole = writeArchive(entries);
    expect(
      E.isRight(r) && E.isRight(whole) && toHex(Buffer.concat(out)) === toHex(whole.right),
    ).toBe(true);
    expect(E.isRight(r) && r.right.entryCount).toBe(2);
  });

  it('checks every path before producing output', async () => {
    const out: Uint8Array[] = [];
    const r = await writeArchiveStream(
      [
        { path: 'ok', size: 1, content: new Uint8Array(1) },
        { path: 'a/../b', size: 0, content: new Uint8Array(0) },
      ],
      (c) => void out.push(c),
    );
    expect(codeOf(r)).toBe('PACK_ARCHIVE_PATH_TRAVERSAL');
    expect(out).toEqual([]);
  });

  it('reports a stream that delivers the wrong length', async () => {
    const r = await writeArchiveStream(
      [{ path: 'a', size: 10, content: () => [new Uint8Array(4)] }],
      () => undefined,
    );
    expect(E.isLeft(r) && [r.left.code, r.left.path]).toEqual(['PACK_ARCHIVE_SIZE_MISMATCH', 'a']);
  });

  it('reads back what it wrote', () => {
    const whole = writeArchive(entries);
    const read = E.isRight(whole) ? readArchive(whole.right) : whole;
    expect(E.isRight(read) && read.right.map((e) => [e.path, toHex(e.bytes)])).toEqual(
      [...entries].reverse().map((e) => [e.path, toHex(e.bytes)]),
    );
  });
});
