import { gunzipSync, gzipSync } from 'node:zlib';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { toHex } from '@warrant/core';
import {
  readArchive,
  writeArchive,
  DEFAULT_ARCHIVE_LIMITS,
  createArchiveReader,
} from '@warrant/pack';
import { createStrictGunzip, INFLATE_SLICE_BYTES } from '../../src/archive/gunzip';
import { zeroBomb } from '../../../../conformance/tools/pack-archive-fixtures';

const archive = (n = 3): Uint8Array => {
  const built = writeArchive(
    Array.from({ length: n }, (_, i) => ({
      path: `f${i}.json`,
      bytes: new TextEncoder().encode(`{"i":${i}}`.repeat(i * 7)),
    })),
  );
  if (E.isLeft(built)) throw new Error(built.left.message);
  return built.right;
};

describe('strict gunzip', () => {
  it('accepts any deflate encoding of the data behind the fixed header (zlib level 6 here)', () => {
    const tar = gunzipSync(archive());
    const viaZlib = gzipSync(tar, { level: 6 });
    expect(toHex(viaZlib.subarray(0, 10))).toBe('1f8b0800000000000003');
    const read = readArchive(viaZlib);
    expect(E.isRight(read) && read.right.map((e) => e.path)).toEqual([
      'f0.json',
      'f1.json',
      'f2.json',
    ]);
  });

  it('rejects non-zero padding bits after the final deflate block', () => {
    const bytes = archive();
    const last = bytes.length - 9; // the last deflate byte, before CRC-32 and ISIZE
    const data = toHex(gunzipSync(bytes));
    let paddingBits = 0;
    for (let bit = 7; bit >= 0; bit--) {
      const copy = bytes.slice();
      copy[last] = (copy[last] as number) ^ (1 << bit);
      let same = false;
      try {
        same = toHex(gunzipSync(copy)) === data;
      } catch {
        same = false;
      }
      if (!same) continue; // the bit carries data; zlib itself notices
      paddingBits++;
      const read = readArchive(copy);
      expect(E.isLeft(read) && read.left.code).toBe('PACK_ARCHIVE_GZIP_CORRUPT');
    }
    expect(paddingBits).toBeGreaterThan(0);
  });

  it('lets a sink exception through instead of calling it corrupt data', () => {
    const reader = createArchiveReader(() => ({
      write: () => {
        throw new Error('consumer bug');
      },
      end: () => undefined,
    }));
    expect(() => {
      reader.push(archive());
      reader.finish();
    }).toThrow('consumer bug');
  });

  it('reports the byte counts of a complete member', () => {
    const bytes = archive();
    const gz = createStrictGunzip(() => undefined, DEFAULT_ARCHIVE_LIMITS);
    gz.push(bytes);
    const done = gz.finish();
    expect(E.isRight(done) && done.right).toEqual({
      compressedBytes: bytes.length,
      uncompressedBytes: gunzipSync(bytes).length,
    });
  });

  it('stops a 1 GiB zero bomb after one inflate slice, with bounded memory and time', () => {
    const bomb = zeroBomb(1024);
    expect(bomb.length).toBeLessThan(1.2e6);
    let delivered = 0;
    const reader = createArchiveReader(() => ({
      write: (c) => void (delivered += c.length),
      end: () => undefined,
    }));
    let result: E.Either<{ code: string; message: string }, unknown> = reader.push(bomb);
    if (E.isRight(result)) result = reader.finish();
    expect(E.isLeft(result) && result.left.code).toBe('PACK_ARCHIVE_RATIO_EXCEEDED');
    // Work, not wall time (shared machines): only the first slice (header + 64 KiB) was inflated,
    // about 66 MB of the 1 GiB, and the consumer saw no more than the grace bytes.
    expect(E.isLeft(result) && result.left.message).toContain(
      `from ${10 + INFLATE_SLICE_BYTES} compressed bytes`,
    );
    expect(delivered).toBeLessThanOrEqual(DEFAULT_ARCHIVE_LIMITS.ratioGraceBytes);
  });

  it('reads a large valid zero-filled archive when the caller raises the ratio limit', () => {
    const read = readArchive(zeroBomb(8), { maxRatio: 2000 });
    expect(E.isRight(read) && read.right.map((e) => [e.path, e.size])).toEqual([
      ['zeros.bin', 8 * 2 ** 20],
    ]);
  });
});
