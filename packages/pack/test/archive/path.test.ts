import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { compareArchivePaths, validateArchivePath } from '@warrant/pack';
import { parseArchivePath } from '../../src/archive/path';

const code = (path: string) => {
  const r = validateArchivePath(path);
  return E.isLeft(r) ? r.left.code : 'OK';
};

describe('validateArchivePath', () => {
  it('accepts relative NFC paths with ordinary characters', () => {
    for (const p of [
      'a',
      'manifest.json',
      'sboms/app.cdx.json',
      'a..b/.x/...',
      'blobs/sha256:ab',
      'ü/日本.json',
      '😀',
    ]) {
      expect(code(p)).toBe('OK');
    }
  });

  it('rejects with a code per rule, naming the path', () => {
    const cases: [string, string][] = [
      ['', 'PACK_ARCHIVE_PATH_INVALID'],
      ['/a', 'PACK_ARCHIVE_PATH_ABSOLUTE'],
      ['C:/a', 'PACK_ARCHIVE_PATH_ABSOLUTE'],
      ['z:', 'PACK_ARCHIVE_PATH_ABSOLUTE'],
      ['..', 'PACK_ARCHIVE_PATH_TRAVERSAL'],
      ['a/..', 'PACK_ARCHIVE_PATH_TRAVERSAL'],
      ['./a', 'PACK_ARCHIVE_PATH_TRAVERSAL'],
      ['a/', 'PACK_ARCHIVE_PATH_INVALID'],
      ['a//b', 'PACK_ARCHIVE_PATH_INVALID'],
      ['a\\b', 'PACK_ARCHIVE_PATH_INVALID'],
      ['a\u0000', 'PACK_ARCHIVE_PATH_INVALID'],
      ['\u001b[31m', 'PACK_ARCHIVE_PATH_INVALID'],
      ['a\u009bb', 'PACK_ARCHIVE_PATH_INVALID'],
      ['\ud800', 'PACK_ARCHIVE_PATH_INVALID'],
      ['a\udc00b', 'PACK_ARCHIVE_PATH_INVALID'],
      ['A\u030a', 'PACK_ARCHIVE_PATH_INVALID'], // NFD of Å
      ['x'.repeat(256), 'PACK_ARCHIVE_PATH_TOO_LONG'],
      ['é'.repeat(128), 'PACK_ARCHIVE_PATH_TOO_LONG'], // 256 bytes, 128 code units
      [`d/${'n'.repeat(101)}`, 'PACK_ARCHIVE_PATH_TOO_LONG'],
    ];
    for (const [p, expected] of cases) {
      const r = validateArchivePath(p);
      expect([p, E.isLeft(r) && r.left.code]).toEqual([p, expected]);
      expect(E.isLeft(r) && r.left.path).toBe(p);
    }
  });

  it('counts UTF-8 bytes, not UTF-16 code units, for the 100/155/255 limits', () => {
    const name = 'é'.repeat(50); // 100 bytes
    const r = parseArchivePath(name);
    expect(E.isRight(r) && [r.right.prefix.length, r.right.name.length]).toEqual([0, 100]);
    const split = parseArchivePath(`${'é'.repeat(77)}a/${name}`); // 155-byte prefix
    expect(E.isRight(split) && [split.right.prefix.length, split.right.name.length]).toEqual([
      155, 100,
    ]);
  });

  it('splits at the last "/" that leaves a prefix of at most 155 bytes', () => {
    const r = parseArchivePath(`a/${'b'.repeat(60)}/${'c'.repeat(60)}`);
    expect(E.isRight(r) && Buffer.from(r.right.name).toString()).toBe('c'.repeat(60));
  });
});

describe('compareArchivePaths', () => {
  it('orders by UTF-8 bytes, which differs from UTF-16 order above the BMP', () => {
    const paths = ['\u{1F600}', '\uE000', 'b', 'a/b', 'a-b', 'a'];
    expect([...paths].sort(compareArchivePaths)).toEqual([
      'a',
      'a-b',
      'a/b',
      'b',
      '\uE000',
      '\u{1F600}',
    ]);
    expect([...paths].sort()).not.toEqual([...paths].sort(compareArchivePaths));
  });
});
