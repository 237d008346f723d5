import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { toHex } from '@warrant/core';
import { writeArchive, type ArchiveSource } from '@warrant/pack';
import { fileArchiveSource, readArchiveFile, writeArchiveFile } from '@warrant/pack/node';

const work = mkdtempSync(join(tmpdir(), 'warrant-archive-file-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const put = (name: string, bytes: Uint8Array): string => {
  const file = join(work, name);
  writeFileSync(file, bytes);
  return file;
};
const source = async (file: string, path: string): Promise<ArchiveSource> => {
  const s = await fileArchiveSource(file, path);
  if (E.isLeft(s)) throw new Error(s.left.message);
  return s.right;
};
const big = Uint8Array.from({ length: 1_500_000 }, (_, i) => (i * 2654435761) >>> 24);
const small = new TextEncoder().encode('{"small":true}');

describe('writeArchiveFile / readArchiveFile', () => {
  it('writes from files the same bytes writeArchive writes in memory, and reads them back hashed', async () => {
    const sources = [
      await source(put('big.bin', big), 'blobs/big.bin'),
      await source(put('s.json', small), 'a.json'),
    ];
    const out = join(work, 'pack.tar.gz');
    const written = await writeArchiveFile(out, sources);
    expect(E.isRight(written) && written.right.entryCount).toBe(2);
    expect(existsSync(`${out}.partial`)).toBe(false);
    const memory = writeArchive([
      { path: 'blobs/big.bin', bytes: big },
      { path: 'a.json', bytes: small },
    ]);
    expect(E.isRight(memory) && toHex(readFileSync(out)) === toHex(memory.right)).toBe(true);

    const digests: [string, string][] = [];
    const read = await readArchiveFile(out, ({ path }) => {
      const h = createHash('sha256');
      return {
        write: (c) => void h.update(c),
        end: () => void digests.push([path, h.digest('hex')]),
      };
    });
    expect(E.isRight(read) && read.right.entryCount).toBe(2);
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    expect(digests).toEqual([
      ['a.json', sha(small)],
      ['blobs/big.bin', sha(big)],
    ]);
  });

  it('leaves no output when a source file shrinks between stat and read', async () => {
    const file = put('shrinks.bin', big);
    const s = await source(file, 'x.bin');
    truncateSync(file, 1000);
    const out = join(work, 'shrunk.tar.gz');
    const r = await writeArchiveFile(out, [s]);
    expect(E.isLeft(r) && [r.left.code, r.left.path]).toEqual([
      'PACK_ARCHIVE_SIZE_MISMATCH',
      'x.bin',
    ]);
    expect(existsSync(out) || existsSync(`${out}.partial`)).toBe(false);
  });

  it('turns file system failures into PACK_ARCHIVE_IO', async () => {
    const missing = await fileArchiveSource(join(work, 'nope'), 'nope');
    expect(E.isLeft(missing) && missing.left.code).toBe('PACK_ARCHIVE_IO');
    const dir = await fileArchiveSource(work, 'dir');
    expect(E.isLeft(dir) && dir.left.code).toBe('PACK_ARCHIVE_IO');
    const s = await source(put('ok.json', small), 'ok.json');
    const noDir = await writeArchiveFile(join(work, 'no/such/dir/p.tar.gz'), [s]);
    expect(E.isLeft(noDir) && noDir.left.code).toBe('PACK_ARCHIVE_IO');
    const vanished = await source(put('gone.json', small), 'gone.json');
    rmSync(join(work, 'gone.json'));
    const r = await writeArchiveFile(join(work, 'gone.tar.gz'), [vanished]);
    expect(E.isLeft(r) && r.left.code).toBe('PACK_ARCHIVE_IO');
    expect(existsSync(join(work, 'gone.tar.gz.partial'))).toBe(false);
    const unreadable = await readArchiveFile(join(work, 'absent.tar.gz'), () => undefined);
    expect(E.isLeft(unreadable) && unreadable.left.code).toBe('PACK_ARCHIVE_IO');
  });

  it('rejects a hostile file with the archive code', async () => {
    const file = put('plain.tar', new Uint8Array(2048));
    const r = await readArchiveFile(file, () => undefined);
    expect(E.isLeft(r) && r.left.code).toBe('PACK_ARCHIVE_GZIP_HEADER');
  });
});
